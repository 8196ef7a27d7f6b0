import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { CallbackKind, Channel, Department } from '@pc/contracts';

export enum ServiceStatus {
  /** Recorded and passed to the department; waiting for its work sheet to be completed. */
  REQUESTED = 'REQUESTED',
  COMPLETED = 'COMPLETED',
}

/** A repair (报修) or paid service (有偿服务) as the desk took it; dispatch keeps the repair work sheet. */
@Entity({ tableName: 'service_request' })
@Unique({ properties: ['orgId', 'idempotencyKey'] })
@Index({ properties: ['orgId', 'customerId', 'receivedAt'] })
@Index({ properties: ['orgId', 'siteId', 'status', 'receivedAt'] })
export class ServiceRequest {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64, nullable: true }) areaId?: string | null;
  @Property({ type: 'string', length: 64, nullable: true }) unitId?: string | null;
  @Property({ type: 'string', length: 64 }) customerId: string;
  @Property({ type: 'string', length: 16 }) kind: CallbackKind;
  @Property({ type: 'string', length: 32 }) channel: Channel;
  @Property({ type: 'string', length: 32 }) department: Department;
  @Property({ type: 'text' }) description: string;
  @Property({ type: 'integer', nullable: true }) agreedPriceYuan?: number | null;
  @Property({ type: 'datetime' }) receivedAt: Date;
  @Property({ type: 'string', length: 64 }) receivedBy: string;
  @Property({ type: 'datetime' }) responseDueAt: Date;
  @Property({ type: 'string', length: 16 }) status: ServiceStatus;
  @Property({ type: 'datetime', nullable: true }) completedAt?: Date | null;
  @Property({ type: 'integer', nullable: true }) chargedYuan?: number | null;
  @Property({ type: 'string', length: 128, nullable: true }) idempotencyKey?: string | null;
}
