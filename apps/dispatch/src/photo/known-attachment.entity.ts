import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A file intake's store issued (`attachment.uploaded`, issue 29): dispatch takes a key on a progress
 * note only when it is known here for the work order's organisation and site, and not on another
 * work order.
 */
@Entity({ tableName: 'known_attachment' })
@Index({ properties: ['workOrderId'] })
export class KnownAttachment {
  @PrimaryKey({ type: 'string', length: 200 }) key: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64 }) uploadedBy: string;
  @Property({ type: 'datetime' }) uploadedAt: Date;
  /** The work order whose progress shows it, once taken. */
  @Property({ type: 'string', length: 64, nullable: true }) workOrderId?: string | null;
}
