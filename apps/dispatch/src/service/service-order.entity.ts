import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { CallbackKind, ContactMethod, Department } from '@pc/contracts';

export enum ServiceOrderStatus {
  /** Waiting for the response (the customer told when to expect the work). */
  RECEIVED = 'RECEIVED',
  /** Responded: the handler is named and the customer has an expected time (ETA). */
  RESPONDED = 'RESPONDED',
  COMPLETED = 'COMPLETED',
}

/**
 * The repair work sheet (维修工作单) of a repair or paid service: the response (RESPONSE clock, a
 * per-site setting), the time the customer is told to expect (ETA, kept or not), progress told to the
 * customer, and the result with the customer's signature, fed back to customer service for the callback.
 */
@Entity({ tableName: 'service_order' })
@Unique({ properties: ['serviceId'] })
@Index({ properties: ['orgId', 'siteId', 'department', 'status'] })
@Index({ properties: ['status', 'responseDueAt'] })
@Index({ properties: ['status', 'etaAt'] })
export class ServiceOrder {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64, nullable: true }) areaId?: string | null;
  @Property({ type: 'string', length: 64, nullable: true }) areaManagerId?: string | null;
  /** Intake's request id (the case id of its callback). */
  @Property({ type: 'string', length: 64 }) serviceId: string;
  @Property({ type: 'string', length: 16 }) kind: CallbackKind;
  @Property({ type: 'string', length: 64 }) customerId: string;
  @Property({ type: 'string', length: 64, nullable: true }) unitId?: string | null;
  @Property({ type: 'string', length: 32 }) department: Department;
  @Property({ type: 'text' }) description: string;
  @Property({ type: 'integer', nullable: true }) agreedPriceYuan?: number | null;
  /** Who took the request: the callback goes back to them. */
  @Property({ type: 'string', length: 64 }) takenBy: string;
  @Property({ type: 'datetime' }) receivedAt: Date;
  @Property({ type: 'string', length: 16 }) status: ServiceOrderStatus;
  @Property({ type: 'datetime' }) responseDueAt: Date;
  @Property({ type: 'datetime', nullable: true }) respondedAt?: Date | null;
  @Property({ type: 'datetime', nullable: true }) responseBreachedAt?: Date | null;
  @Property({ type: 'string', length: 64, nullable: true }) handlerId?: string | null;
  /** The time the customer was told to expect the work done. */
  @Property({ type: 'datetime', nullable: true }) etaAt?: Date | null;
  @Property({ type: 'datetime', nullable: true }) etaBreachedAt?: Date | null;
  @Property({ type: 'datetime', nullable: true }) completedAt?: Date | null;
  @Property({ type: 'string', length: 64, nullable: true }) completedBy?: string | null;
  @Property({ type: 'text', nullable: true }) result?: string | null;
  /** Reference to the customer's own signature (a scanned sheet or an e-signature), never signed for them. */
  @Property({ type: 'string', length: 500, nullable: true }) customerSignature?: string | null;
  @Property({ type: 'integer', nullable: true }) chargedYuan?: number | null;
}

/** A progress note on a work sheet; when the customer was told, when and how. */
@Entity({ tableName: 'service_note' })
@Index({ properties: ['serviceOrderId', 'at'] })
export class ServiceNote {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) serviceOrderId: string;
  @Property({ type: 'text' }) note: string;
  @Property({ type: 'string', length: 64 }) by: string;
  @Property({ type: 'datetime' }) at: Date;
  @Property({ type: 'datetime', nullable: true }) customerInformedAt?: Date | null;
  @Property({ type: 'string', length: 16, nullable: true }) customerInformedVia?: ContactMethod | null;
}
