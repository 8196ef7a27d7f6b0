import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { TransactionalOutbox } from '@pc/messaging';
import { Clock } from '@pc/platform';
import { NoticeTimers } from '../contractor/notice-timers';
import { LetterTimers } from '../liaison/letter-timers';
import { DeadlineTimers } from './deadline-timers';
import type { TimerSource } from './timer-source';

export const SCHEDULER_OPTIONS = Symbol('SCHEDULER_OPTIONS');

export interface SchedulerOptions {
  /** How often to look for due timers (ms); a timer fires at most this late (plus the work). 0 = never by itself. */
  intervalMs: number;
  /** Timers claimed per transaction. */
  batchSize: number;
}

export interface TickResult {
  fired: Record<string, number>;
  total: number;
}

/**
 * The durable timer scheduler. Deadlines live in the database; every `intervalMs` each replica
 * claims due rows with FOR UPDATE SKIP LOCKED in a transaction, marks them fired and writes their
 * effects and events (outbox) in that same transaction — so a timer fires exactly once across
 * replicas and restarts, never before its due time (due ≤ the injected clock's now).
 */
@Injectable()
export class SlaScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SlaScheduler.name);
  private readonly sources: TimerSource[];
  private timer?: NodeJS.Timeout;
  private running: Promise<TickResult> | null = null;
  private stopped = false;

  constructor(
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
    @Inject(SCHEDULER_OPTIONS) private readonly options: SchedulerOptions,
    deadlines: DeadlineTimers,
    letters: LetterTimers,
    notices: NoticeTimers,
  ) {
    this.sources = [deadlines, letters, notices];
  }

  onApplicationBootstrap(): void {
    if (!this.options.intervalMs) return;
    this.timer = setInterval(() => {
      if (!this.running) void this.tick().catch((e) => this.logger.warn({ err: e }, 'scheduler tick failed; will retry'));
    }, this.options.intervalMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Fires everything due now (batch after batch); a tick already under way is joined, not doubled. */
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
        total += n;
        if (n < this.options.batchSize) break;
      }
    }
    if (total) this.logger.log({ fired, at: now.toISOString() }, 'timers fired');
    return { fired, total };
  }
}
