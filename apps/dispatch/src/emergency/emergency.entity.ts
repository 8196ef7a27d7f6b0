import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** An emergency-event record (紧急事件): reported up at once, then cause, remedy and prevention. */
@Entity({ tableName: 'emergency_event' })
@Index({ properties: ['orgId', 'siteId', 'reportedAt'] })
export class EmergencyEvent {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64, nullable: true }) workOrderId?: string | null;
  @Property({ type: 'text' }) description: string;
  @Property({ type: 'datetime' }) occurredAt: Date;
  @Property({ type: 'string', length: 64 }) reportedBy: string;
  @Property({ type: 'datetime' }) reportedAt: Date;
  @Property({ type: 'text', nullable: true }) containment?: string | null;
  @Property({ type: 'text', nullable: true }) cause?: string | null;
  @Property({ type: 'text', nullable: true }) remedy?: string | null;
  @Property({ type: 'text', nullable: true }) prevention?: string | null;
  @Property({ type: 'string', length: 64, nullable: true }) reviewedBy?: string | null;
  @Property({ type: 'datetime', nullable: true }) reviewedAt?: Date | null;
}
