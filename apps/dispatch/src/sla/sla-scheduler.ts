import { Inject, Injectable } from '@nestjs/common';
import { TimerScheduler, TransactionalOutbox, type TimerSchedulerOptions } from '@pc/messaging';
import { Clock } from '@pc/platform';
import { TimerRegistry } from './timer-registry';

export const SCHEDULER_OPTIONS = Symbol('SCHEDULER_OPTIONS');

/**
 * Dispatch's durable timers, whatever features registered them (SLA clocks, liaison-letter deadlines,
 * rectification deadlines), claimed with FOR UPDATE SKIP LOCKED by every replica (see `TimerScheduler`).
 */
@Injectable()
export class SlaScheduler extends TimerScheduler {
  constructor(tx: TransactionalOutbox, clock: Clock, @Inject(SCHEDULER_OPTIONS) options: TimerSchedulerOptions, registry: TimerRegistry) {
    super(tx, clock, options, registry.sources);
  }
}
