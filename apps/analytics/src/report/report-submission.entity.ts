import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A site's monthly report submission (domain.md §5: due before month end). Opened by the projection
 * when the site-month first has figures; submitting freezes the figures (`snapshot`); a durable timer
 * flags the ones still unsubmitted when `dueAt` (the end of the month's last day, site time) passes.
 */
@Entity({ tableName: 'report_submission' })
@Index({ properties: ['dueAt'] })
export class ReportSubmission {
  @PrimaryKey({ type: 'string', length: 64 }) orgId: string;
  @PrimaryKey({ type: 'string', length: 64 }) siteId: string;
  @PrimaryKey({ type: 'string', length: 7 }) month: string;
  @Property({ type: 'string', length: 30 }) dueAt: string;
  @Property({ type: 'string', length: 30, nullable: true }) submittedAt?: string | null;
  @Property({ type: 'string', length: 64, nullable: true }) submittedBy?: string | null;
  @Property({ type: 'text', nullable: true }) commentary?: string | null;
  /** The frozen figures (JSON of `FrozenFigures`). */
  @Property({ type: 'text', nullable: true }) snapshot?: string | null;
  @Property({ type: 'string', length: 30, nullable: true }) flaggedAt?: string | null;
}
