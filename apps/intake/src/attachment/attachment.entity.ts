import { BigIntType, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A file the attachment store holds, as issued by `POST /attachments` (issue 29): to whom (the
 * organisation and site of the upload), what it is (the type read from its bytes), and the case it
 * was attached to. A mutation accepts a key only when a row here says it was issued to the caller's
 * organisation and site and is not attached elsewhere; `attachmentUrl` signs it only for a caller
 * who may see that case.
 */
@Entity({ tableName: 'attachment' })
@Index({ properties: ['complaintId'] })
@Index({ properties: ['thumbnailKey'] })
@Index({ properties: ['orgId', 'uploadedAt'] })
export class Attachment {
  /** `<org>/<site>/<uuid>.<ext>`: the store's key. */
  @PrimaryKey({ type: 'string', length: 200 }) key: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64 }) contentType: string;
  @Property({ type: new BigIntType('number') }) size: number;
  /** A small WebP of an image the console shows in lists; none for a PDF or an image the thumbnailer cannot read (HEIC). */
  @Property({ type: 'string', length: 200, nullable: true }) thumbnailKey?: string | null;
  @Property({ type: 'string', length: 64 }) uploadedBy: string;
  @Property({ type: 'datetime' }) uploadedAt: Date;
  /** The complaint that carries it, once filed. */
  @Property({ type: 'string', length: 64, nullable: true }) complaintId?: string | null;
}
