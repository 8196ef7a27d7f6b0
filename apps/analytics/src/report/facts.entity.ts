import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One complaint as analytics knows it, built only from events (it can be rebuilt from the stream).
 * Events may arrive in any order across subjects, so every column but the key may still be empty.
 */
@Entity({ tableName: 'complaint_fact' })
@Index({ properties: ['orgId', 'month', 'siteId'] })
export class ComplaintFact {
  @PrimaryKey({ type: 'string', length: 64 }) complaintId: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  /** YYYY-MM of receipt in the site's time zone. */
  @Property({ type: 'string', length: 7, nullable: true }) month?: string | null;
  @Property({ type: 'string', length: 32, nullable: true }) category?: string | null;
  @Property({ type: 'string', length: 16, nullable: true }) severity?: string | null;
  @Property({ type: 'string', length: 32, nullable: true }) channel?: string | null;
  @Property({ type: 'json', nullable: true }) departments?: string[] | null;
  @Property({ type: 'datetime', nullable: true }) receivedAt?: Date | null;
  /** false for an invalid complaint (complaint.rejected); valid ones are what the report counts. */
  @Property({ type: 'boolean', nullable: true }) valid?: boolean | null;
  @Property({ type: 'boolean', nullable: true }) resolvedAtIntake?: boolean | null;
  @Property({ type: 'datetime', nullable: true }) resolvedAt?: Date | null;
  @Property({ type: 'datetime', nullable: true }) callbackDueAt?: Date | null;
  @Property({ type: 'datetime', nullable: true }) callbackCompletedAt?: Date | null;
  @Property({ type: 'boolean', nullable: true }) callbackOnTime?: boolean | null;
  @Property({ type: 'string', length: 32, nullable: true }) satisfaction?: string | null;
}

/** One SLA clock of one work order (intake's INVALID_REPLY clock is keyed by the complaint id). */
@Entity({ tableName: 'deadline_fact' })
@Index({ properties: ['complaintId'] })
export class DeadlineFact {
  @PrimaryKey({ type: 'string', length: 64 }) workOrderId: string;
  @PrimaryKey({ type: 'string', length: 32 }) clock: string;
  @Property({ type: 'string', length: 64 }) complaintId: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'datetime' }) dueAt: Date;
  @Property({ type: 'datetime', nullable: true }) metAt?: Date | null;
  @Property({ type: 'datetime', nullable: true }) breachedAt?: Date | null;
}

export const ANALYTICS_ENTITIES = [ComplaintFact, DeadlineFact];
