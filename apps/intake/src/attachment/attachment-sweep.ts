import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { Clock, ServiceConfig, housekeepingDeleted, safeError } from '@pc/platform';
import { Attachment } from './attachment.entity';
import { AttachmentStore } from './attachment-store';

/** Rows per statement: short transactions. */
const BATCH = 500;

/**
 * Rule "an upload never attached to a case is not kept" (issue 29): a file uploaded and never filed
 * with a case (the form abandoned, the tab closed) is deleted, with its thumbnail and record, once
 * ATTACHMENT_ORPHAN_HOURS have passed. Runs with the service's housekeeping (HOUSEKEEPING_MS; 0 = off).
 */
@Injectable()
export class AttachmentSweep implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AttachmentSweep.name);
  private timer?: NodeJS.Timeout;
  private running: Promise<number> | null = null;

  constructor(
    private readonly orm: MikroORM,
    private readonly clock: Clock,
    private readonly config: ServiceConfig,
    @Inject(AttachmentStore) private readonly store: AttachmentStore,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.HOUSEKEEPING_MS;
    if (!every) return;
    this.timer = setInterval(() => {
      if (!this.running) this.run().catch((e) => this.logger.warn({ err: safeError(e) }, 'attachment sweep failed; will retry'));
    }, every);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One pass at the injected clock's now; resolves with the number of files deleted. */
  run(): Promise<number> {
    this.running ??= this.sweep().finally(() => (this.running = null));
    return this.running;
  }

  private async sweep(): Promise<number> {
    const before = new Date(this.clock.now().getTime() - this.config.ATTACHMENT_ORPHAN_HOURS * 3_600_000);
    let deleted = 0;
    for (;;) {
      const em = this.orm.em.fork();
      const candidates = await em.find(
        Attachment,
        { complaintId: null, uploadedAt: { $lt: before } },
        { fields: ['key', 'thumbnailKey'], limit: BATCH, orderBy: { uploadedAt: 'asc' } },
      );
      if (!candidates.length) break;
      // a filing that takes one of them at this moment wins: only rows still unattached go
      await em.nativeDelete(Attachment, { key: { $in: candidates.map((c) => c.key) }, complaintId: null });
      const kept = new Set(
        (await em.find(Attachment, { key: { $in: candidates.map((c) => c.key) } }, { fields: ['key'] })).map((r) => r.key),
      );
      const gone = candidates.filter((c) => !kept.has(c.key));
      await this.store.remove(gone.flatMap((c) => [c.key, ...(c.thumbnailKey ? [c.thumbnailKey] : [])]));
      deleted += gone.length;
      if (candidates.length < BATCH) break;
    }
    if (deleted) housekeepingDeleted.inc({ table: 'attachment' }, deleted);
    return deleted;
  }
}
