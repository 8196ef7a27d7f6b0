import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/** A typical case (案例库): a resolved complaint written up by the quality department, without the customer. */
@Entity({ tableName: 'case_entry' })
@Unique({ properties: ['orgId', 'complaintId'] })
@Index({ properties: ['orgId', 'createdAt', 'id'] })
export class CaseEntry {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64 }) complaintId: string;
  /** A typical major or minor case. */
  @Property({ type: 'string', length: 16 }) severity: string;
  @Property({ type: 'string', length: 32 }) category: string;
  @Property({ type: 'string', length: 32, nullable: true }) cause?: string | null;
  @Property({ type: 'string', length: 200 }) title: string;
  @Property({ type: 'text' }) summary: string;
  @Property({ type: 'text' }) lessons: string;
  /** Tags as `|tag|tag|` so one LIKE finds a tag on both dialects. */
  @Property({ type: 'text' }) tags: string;
  /** Lower-cased title, summary, lessons and tags: what `search` matches (Chinese included). */
  @Property({ type: 'text' }) searchText: string;
  @Property({ type: 'string', length: 64 }) createdBy: string;
  @Property({ type: 'string', length: 30 }) createdAt: string;
}
