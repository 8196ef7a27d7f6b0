import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { LockMode, type EntityManager } from '@mikro-orm/core';
import { isPostgres, safeError, timersFired, type Clock, type ServiceConfig } from '@pc/platform';
import type { EventWriter, TransactionalOutbox } from './outbox';

/**
 * One kind of durable timer: rows in the database that fire once when due. `fireDue` claims up to
 * `limit` due rows inside the scheduler's transaction (with `claimLock`, FOR UPDATE SKIP LOCKED, so
 * replicas never take the same row), marks them fired and writes their effects and events in that
 * same transaction; it answers how many it fired.
 */
export interface TimerSource {
  readonly name: string;
  fireDue(em: EntityManager, events: EventWriter, now: Date, limit: number): Promise<number>;
}

/** Claim lock: rows another replica holds are skipped, not waited for (PostgreSQL; SQLite has one writer). */
export const claimLock = (em: EntityManager): LockMode.PESSIMISTIC_PARTIAL_WRITE | undefined =>
  isPostgres(em) ? LockMode.PESSIMISTIC_PARTIAL_WRITE : undefined;

export interface TimerSchedulerOptions {
  /** How often to look for due timers (ms): the most a timer fires late (plus the work). 0 = only when ticked. */
  intervalMs: number;
  /** Timers claimed per transaction. */
  batchSize: number;
}

/** The scheduler settings every service reads from its config (`SLA_SCAN_MS`, `SLA_BATCH_SIZE`). */
export const timerOptionsFrom = (c: ServiceConfig): TimerSchedulerOptions => ({ intervalMs: c.SLA_SCAN_MS, batchSize: c.SLA_BATCH_SIZE });

export interface TickResult {
  fired: Record<string, number>;
  total: number;
}

/**
 * A durable timer scheduler: every `intervalMs` each replica fires what is due in its sources,
 * batch after batch, each batch in one transaction with the outbox. A timer therefore fires exactly
 * once across replicas and restarts, and never before its due time (due ≤ the injected clock's now).
 */
export class TimerScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(TimerScheduler.name);
  private timer?: NodeJS.Timeout;
  private running: Promise<TickResult> | null = null;
  private stopped = false;

  constructor(
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
    private readonly options: TimerSchedulerOptions,
    private readonly sources: TimerSource[],
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.intervalMs) return;
    this.timer = setInterval(() => {
      if (!this.running) this.tick().catch((e) => this.logger.warn({ err: safeError(e) }, 'timer tick failed; will retry'));
    }, this.options.intervalMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Fires everything due now; a tick already under way is joined, not doubled. */
  tick(): Promise<TickResult> {
    this.running ??= this.fireAll().finally(() => (this.running = null));
    return this.running;
  }

  private async fireAll(): Promise<TickResult> {
    const now = this.clock.now();
    const fired: Record<string, number> = {};
    let total = 0;
    for (const source of this.sources) {
      for (;;) {
        if (this.stopped) break;
        const n = await this.tx.run((em, events) => source.fireDue(em, events, now, this.options.batchSize));
        fired[source.name] = (fired[source.name] ?? 0) + n;
        if (n) timersFired.inc({ source: source.name }, n);
        total += n;
        if (n < this.options.batchSize) break;
      }
    }
    if (total) this.logger.log({ fired, at: now.toISOString() }, 'timers fired');
    return { fired, total };
  }
}
