import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { ContactMethod, EscalationLevel, SlaClock } from '@pc/contracts';

/**
 * One SLA clock of a work order, and the durable timer behind it: due, met and breach times live
 * on the row, so they survive restarts; the scheduler claims due rows with FOR UPDATE SKIP LOCKED.
 * `round` counts reworks; `ref` names the rectification notice of a CONTRACTOR_ARRIVAL clock.
 */
@Entity({ tableName: 'deadline' })
@Unique({ properties: ['workOrderId', 'clock', 'round', 'ref'] })
@Index({ properties: ['workOrderId'] })
export class Deadline {
  [OptionalProps]?: 'round' | 'ref';
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) workOrderId: string;
  @Property({ type: 'string', length: 32 }) clock: SlaClock;
  @Property({ type: 'integer', default: 1 }) round: number = 1;
  @Property({ type: 'string', length: 64, default: '' }) ref: string = '';
  @Property({ type: 'datetime' }) dueAt: Date;
  @Property({ type: 'datetime', nullable: true }) metAt?: Date | null;
  /** When the deadline passed (its due time); set by the scheduler or when met late. */
  @Property({ type: 'datetime', nullable: true }) breachedAt?: Date | null;
  /** When the scheduler handled the breach (published `sla.breached`, escalated): at most once. */
  @Property({ type: 'datetime', nullable: true }) firedAt?: Date | null;
  /** No longer applies (FEEDBACK of a complaint that became major): never fires. */
  @Property({ type: 'datetime', nullable: true }) cancelledAt?: Date | null;
}

export const isOpen = (d: Deadline): boolean => !d.metAt && !d.cancelledAt;

/** One step of a case up the chain, kept with the case (its full history). */
@Entity({ tableName: 'escalation' })
@Index({ properties: ['workOrderId', 'at'] })
export class Escalation {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) workOrderId: string;
  @Property({ type: 'string', length: 32 }) fromLevel: EscalationLevel;
  @Property({ type: 'string', length: 32 }) toLevel: EscalationLevel;
  @Property({ type: 'text' }) reason: string;
  @Property({ type: 'string', length: 32, nullable: true }) clock?: SlaClock | null;
  /** A user id, or `system` for a breach. */
  @Property({ type: 'string', length: 64 }) by: string;
  @Property({ type: 'datetime' }) at: Date;
}

/** An extended deadline: only with a reason, and after the customer was told (主动告知对方). */
@Entity({ tableName: 'deadline_extension' })
@Index({ properties: ['workOrderId'] })
export class Extension {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) workOrderId: string;
  @Property({ type: 'string', length: 64 }) deadlineId: string;
  @Property({ type: 'string', length: 32 }) clock: SlaClock;
  @Property({ type: 'datetime' }) previousDueAt: Date;
  @Property({ type: 'datetime' }) newDueAt: Date;
  @Property({ type: 'text' }) reason: string;
  @Property({ type: 'datetime' }) customerToldAt: Date;
  @Property({ type: 'string', length: 16 }) customerToldVia: ContactMethod;
  @Property({ type: 'string', length: 64 }) by: string;
  @Property({ type: 'datetime' }) at: Date;
}
