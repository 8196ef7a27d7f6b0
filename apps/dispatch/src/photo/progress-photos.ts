import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/core';
import { AttachmentUploaded } from '@pc/contracts';
import { EventConsumers, on } from '@pc/messaging';
import { invalidInput } from '@pc/platform';
import { KnownAttachment } from './known-attachment.entity';

/** One answer for a key unknown, of another organisation or site, or on another work order: it tells nothing of them. */
const notIssued = (key: string, siteId: string) =>
  invalidInput(
    'attachments',
    `${key} is not a file uploaded for site ${siteId} by your organisation, or it belongs to another work order: upload it with POST /attachments?siteId=${siteId}`,
  );

/**
 * Photos on a work order's progress (issue 29): the keys intake's store issued arrive by
 * `attachment.uploaded`; a progress note takes only such keys of the work order's organisation and
 * site, each on one work order.
 */
@Injectable()
export class ProgressPhotos implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly orm: MikroORM,
  ) {}

  /**
   * A key uploaded a moment ago may still be on its way (`attachment.uploaded`, milliseconds behind
   * the upload's answer): before the step's transaction, wait up to `waitMs` for every key to be
   * known. Keys that never arrive (invented, another store's) are then refused by `take`.
   */
  async awaitKnown(keys: readonly string[], waitMs = 3000): Promise<void> {
    if (!keys.length) return;
    const until = Date.now() + waitMs;
    for (;;) {
      const known = await this.orm.em.fork().count(KnownAttachment, { key: { $in: [...new Set(keys)] } });
      if (known >= new Set(keys).size || Date.now() >= until) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start([
      on(AttachmentUploaded, async (p, _e, { em }) => {
        // a replay writes the same fields again; the work order that took it is not among them
        await em.upsert(KnownAttachment, {
          key: p.key,
          orgId: p.orgId,
          siteId: p.siteId,
          uploadedBy: p.uploadedBy,
          uploadedAt: new Date(p.uploadedAt),
        });
      }),
    ]);
  }

  /**
   * Rule "mutations accept only keys this store issued to the caller's organisation", on dispatch's
   * side: each key issued for the work order's organisation and site, not on another work order; it
   * is then this work order's. In the step's own transaction.
   */
  async take(em: EntityManager, wo: { id: string; orgId: string; siteId: string }, keys: readonly string[]): Promise<string[]> {
    if (!keys.length) return [];
    const unique = [...new Set(keys)];
    if (unique.length !== keys.length) throw invalidInput('attachments', 'a file is attached twice');
    const rows = await em.find(KnownAttachment, { key: { $in: unique } }, { fields: ['key', 'orgId', 'siteId', 'workOrderId'] });
    const byKey = new Map(rows.map((r) => [r.key, r]));
    for (const key of unique) {
      const row = byKey.get(key);
      if (!row || row.orgId !== wo.orgId || row.siteId !== wo.siteId || (row.workOrderId && row.workOrderId !== wo.id)) {
        throw notIssued(key, wo.siteId);
      }
    }
    await em.nativeUpdate(KnownAttachment, { key: { $in: unique }, workOrderId: null }, { workOrderId: wo.id });
    return unique;
  }
}
