import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/** What a checked item was: a resolution called back (complaint, repair, paid service) or a survey follow-up plan done. */
export enum QualityItemKind {
  COMPLAINT = 'COMPLAINT',
  REPAIR = 'REPAIR',
  PAID_SERVICE = 'PAID_SERVICE',
  FOLLOW_UP = 'FOLLOW_UP',
}

/**
 * The quality department's monthly check of a site (seed 004 §4.5.4): a sample of the opinions
 * handled that month, drawn once from a seed and kept, each verified (handled as recorded? the
 * customer really told?).
 */
@Entity({ tableName: 'quality_check' })
@Unique({ properties: ['orgId', 'siteId', 'month'] })
export class QualityCheck {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  /** YYYY-MM, the site's calendar. */
  @Property({ type: 'string', length: 7 }) month: string;
  @Property({ type: 'string', length: 100 }) seed: string;
  /** How many were handled that month (the population the sample was drawn from). */
  @Property({ type: 'integer' }) handled: number;
  @Property({ type: 'string', length: 64 }) drawnBy: string;
  @Property({ type: 'datetime' }) drawnAt: Date;
}

@Entity({ tableName: 'quality_check_item' })
@Index({ properties: ['checkId'] })
export class QualityCheckItem {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) checkId: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 16 }) kind: QualityItemKind;
  /** The callback or the follow-up plan, and the case it is about. */
  @Property({ type: 'string', length: 64 }) refId: string;
  @Property({ type: 'string', length: 64 }) caseId: string;
  @Property({ type: 'datetime' }) handledAt: Date;
  @Property({ type: 'boolean', nullable: true }) handledAsRecorded?: boolean | null;
  @Property({ type: 'boolean', nullable: true }) customerTold?: boolean | null;
  @Property({ type: 'text', nullable: true }) note?: string | null;
  @Property({ type: 'string', length: 64, nullable: true }) checkedBy?: string | null;
  @Property({ type: 'datetime', nullable: true }) checkedAt?: Date | null;
  /** What the finding set off: the complaint back in rework, the follow-up plan open again. */
  @Property({ type: 'string', length: 32, nullable: true }) consequence?: string | null;
}
