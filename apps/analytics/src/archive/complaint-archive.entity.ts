import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** A closed complaint's records as one file, kept two years after closing (built from the stream). */
@Entity({ tableName: 'complaint_archive' })
@Index({ properties: ['purgeAt'] })
export class ComplaintArchive {
  @PrimaryKey({ type: 'string', length: 64 }) complaintId: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64 }) areaId: string;
  @Property({ type: 'string', length: 30 }) closedAt: string;
  @Property({ type: 'string', length: 30 }) purgeAt: string;
  /** JSON of the file (see `archiveOf`). */
  @Property({ type: 'text' }) document: string;
  /** Set when the purge was announced; the row goes when `archive.purged` comes back. */
  @Property({ type: 'string', length: 30, nullable: true }) purgeAnnouncedAt?: string | null;
}
