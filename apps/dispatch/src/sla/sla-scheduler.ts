import { Inject, Injectable } from '@nestjs/common';
import { TimerScheduler, TransactionalOutbox, type TimerSchedulerOptions } from '@pc/messaging';
import { Clock } from '@pc/platform';
import { NoticeTimers } from '../contractor/notice-timers';
import { LetterTimers } from '../liaison/letter-timers';
import { DeadlineTimers } from './deadline-timers';

export const SCHEDULER_OPTIONS = Symbol('SCHEDULER_OPTIONS');

/**
 * Dispatch's durable timers: SLA clocks, liaison-letter deadlines and rectification deadlines,
 * claimed with FOR UPDATE SKIP LOCKED by every replica (see `TimerScheduler`).
 */
@Injectable()
export class SlaScheduler extends TimerScheduler {
  constructor(
    tx: TransactionalOutbox,
    clock: Clock,
    @Inject(SCHEDULER_OPTIONS) options: TimerSchedulerOptions,
    deadlines: DeadlineTimers,
    letters: LetterTimers,
    notices: NoticeTimers,
  ) {
    super(tx, clock, options, [deadlines, letters, notices]);
  }
}
