import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Category, Channel, Circumstance, ComplaintStatus, Department, Severity } from '@pc/contracts';

/** The intake record (客户投诉记录表). */
@Entity({ tableName: 'complaint' })
@Index({ properties: ['orgId', 'siteId', 'receivedAt'] })
@Unique({ properties: ['orgId', 'idempotencyKey'] })
export class Complaint {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64, nullable: true }) areaId?: string | null;
  @Property({ type: 'string', length: 64, nullable: true }) unitId?: string | null;
  @Property({ type: 'string', length: 64 }) customerId: string;
  @Property({ type: 'string', length: 32 }) channel: Channel;
  @Property({ type: 'string', length: 32 }) category: Category;
  @Property({ type: 'text' }) description: string;
  /** When the customer raised it (a paper record entered late keeps its real time). */
  @Property({ type: 'datetime' }) receivedAt: Date;
  @Property({ type: 'string', length: 64 }) receivedBy: string;
  @Property({ type: 'datetime', nullable: true }) requestedReplyBy?: Date | null;
  @Property({ type: 'boolean' }) serious: boolean = false;
  @Property({ type: 'boolean' }) urgent: boolean = false;
  @Property({ type: 'json' }) circumstances: Circumstance[] = [];
  @Property({ type: 'string', length: 16 }) severity: Severity;
  @Property({ type: 'boolean' }) valid: boolean = true;
  @Property({ type: 'string', length: 32 }) status: ComplaintStatus;
  /** Routed departments, lead first. */
  @Property({ type: 'json' }) departments: Department[] = [];
  @Property({ type: 'datetime' }) replyDueAt: Date;
  @Property({ type: 'string', length: 200, nullable: true }) idempotencyKey?: string | null;
  /** Hash of the filed input, to tell a retry from a different complaint reusing a key. */
  @Property({ type: 'string', length: 64, nullable: true }) inputHash?: string | null;
  @Property({ type: 'datetime' }) createdAt: Date;
  @Property({ type: 'datetime', nullable: true }) resolvedAt?: Date | null;
}
