import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { Clock, housekeepingDeleted, safeError } from '@pc/platform';
import { InboxMessage, OutboxEvent } from './entities';
import { MESSAGING_OPTIONS, type MessagingOptions } from './options';

/** Rows deleted per statement: short transactions, no long lock. */
const BATCH = 1000;

export interface HousekeepingResult {
  outbox: number;
  inbox: number;
}

/**
 * Prunes, in batches, the outbox rows published longer ago than the outbox retention (the stream has
 * them; a re-publish can only happen within the 2-minute duplicate window) and the processed-message
 * ids older than the inbox retention (redeliveries come within minutes of the first delivery).
 * Unpublished rows are never touched. Counts go to `housekeeping_deleted_total{table}`.
 */
@Injectable()
export class Housekeeping implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(Housekeeping.name);
  private timer?: NodeJS.Timeout;
  private running: Promise<HousekeepingResult> | null = null;

  constructor(
    private readonly orm: MikroORM,
    private readonly clock: Clock,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.options.housekeeping?.intervalMs;
    if (!every) return;
    this.timer = setInterval(() => {
      if (!this.running) this.run().catch((e) => this.logger.warn({ err: safeError(e) }, 'housekeeping failed; will retry'));
    }, every);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One pass: everything past its retention at the injected clock's now. */
  run(): Promise<HousekeepingResult> {
    this.running ??= this.prune().finally(() => (this.running = null));
    return this.running;
  }

  private async prune(): Promise<HousekeepingResult> {
    const h = this.options.housekeeping;
    if (!h) return { outbox: 0, inbox: 0 };
    const now = this.clock.now().getTime();
    const outboxBefore = new Date(now - Math.max(h.outboxRetentionMs, 120_000));
    const inboxBefore = new Date(now - h.inboxRetentionMs);
    let outbox = 0;
    for (;;) {
      const em = this.orm.em.fork();
      const rows = await em.find(
        OutboxEvent,
        { publishedAt: { $ne: null, $lt: outboxBefore } },
        { fields: ['seq'], limit: BATCH, orderBy: { seq: 'asc' } },
      );
      if (!rows.length) break;
      outbox += await em.nativeDelete(OutboxEvent, { seq: { $in: rows.map((r) => r.seq) } });
      if (rows.length < BATCH) break;
    }
    let inbox = 0;
    for (;;) {
      const em = this.orm.em.fork();
      const rows = await em.find(InboxMessage, { processedAt: { $lt: inboxBefore } }, { fields: ['consumer', 'messageId'], limit: BATCH });
      if (!rows.length) break;
      inbox += await em.nativeDelete(InboxMessage, { $or: rows.map((r) => ({ consumer: r.consumer, messageId: r.messageId })) });
      if (rows.length < BATCH) break;
    }
    if (outbox) housekeepingDeleted.inc({ table: 'outbox_event' }, outbox);
    if (inbox) housekeepingDeleted.inc({ table: 'inbox_message' }, inbox);
    if (outbox || inbox) this.logger.log({ outbox, inbox }, 'pruned published outbox rows and processed-message ids');
    return { outbox, inbox };
  }
}
