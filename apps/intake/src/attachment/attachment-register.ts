import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/core';
import { Clock, ServiceConfig, invalidInput, notFound, scopeOf, type AuthUser } from '@pc/platform';
import { Complaint } from '../complaint/complaint.entity';
import { Claim } from '../customer/customer.entities';
import { Attachment } from './attachment.entity';
import { parseKey } from './attachment-keys';
import { AttachmentStore } from './attachment-store';

/** One answer for a key that is unknown, of another organisation or site, or attached elsewhere: it tells nothing of them. */
const notIssued = (key: string, siteId: string) =>
  invalidInput(
    'attachments',
    `${key} is not a file uploaded for site ${siteId} by your organisation, or it belongs to another case: upload it with POST /attachments?siteId=${siteId}`,
  );

/**
 * The store's record of what it issued: keys attached to a case in the case's own transaction, and
 * signed links to read them for those who may see the case.
 */
@Injectable()
export class AttachmentRegister {
  constructor(
    private readonly orm: MikroORM,
    private readonly clock: Clock,
    private readonly config: ServiceConfig,
    @Inject(AttachmentStore) private readonly store: AttachmentStore,
  ) {}

  /**
   * Rule "mutations accept only keys this store issued to the caller's organisation" (issue 29): each
   * key was uploaded for this organisation and site and is not on another case; it is then the case's.
   */
  async attach(em: EntityManager, user: AuthUser, siteId: string, complaintId: string, keys: readonly string[]): Promise<void> {
    if (!keys.length) return;
    const unique = [...new Set(keys)];
    if (unique.length !== keys.length) throw invalidInput('attachments', 'a file is attached twice');
    const rows = await em.find(Attachment, { key: { $in: unique } }, { fields: ['key', 'orgId', 'siteId', 'complaintId'] });
    const byKey = new Map(rows.map((r) => [r.key, r]));
    for (const key of unique) {
      const row = byKey.get(key);
      if (!row || row.orgId !== user.org || row.siteId !== siteId || (row.complaintId && row.complaintId !== complaintId)) {
        throw notIssued(key, siteId);
      }
    }
    const taken = await em.nativeUpdate(Attachment, { key: { $in: unique }, complaintId: null }, { complaintId });
    // a key swept or taken by another filing between the read and this write: the filing is refused, not half-linked
    const already = rows.filter((r) => r.complaintId === complaintId).length;
    if (taken + already !== unique.length) throw notIssued(unique[0], siteId);
  }

  /**
   * A short-lived signed URL of a file (or its thumbnail) for a caller who may see its case: the
   * case's organisation and a granted site; before it is filed, only the one who uploaded it.
   * Anything else, an unknown key included, is NOT_FOUND alike.
   */
  async urlFor(user: AuthUser, key: string): Promise<string> {
    const parsed = parseKey(key);
    if (!parsed || parsed.orgId !== user.org) throw notFound('attachment', key);
    const em = this.orm.em.fork();
    const original = parsed.thumbnail ? { thumbnailKey: key } : { key };
    const row = await em.findOne(Attachment, { ...original, orgId: user.org });
    if (!row) throw notFound('attachment', key);
    const scope = scopeOf(user);
    if (!scope.canSee(row.siteId)) throw notFound('attachment', key);
    if (row.complaintId) {
      // the case a file is on: a complaint, or a claim's evidence
      const [complaint] = await scope.rows(em, Complaint, { id: row.complaintId });
      const [claim] = complaint ? [] : await scope.rows(em, Claim, { id: row.complaintId });
      if (!complaint && !claim) throw notFound('attachment', key);
    } else if (row.uploadedBy !== user.sub) {
      throw notFound('attachment', key);
    }
    return this.store.signedUrl(key, this.config.ATTACHMENT_URL_TTL_S, this.clock.now());
  }
}
