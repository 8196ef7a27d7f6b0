import { Inject, Injectable } from '@nestjs/common';
import { TimerScheduler, TransactionalOutbox, type TimerSchedulerOptions } from '@pc/messaging';
import { Clock } from '@pc/platform';
import { AcknowledgementLadder } from './acknowledgement-ladder';
import { DeadlineWarnings } from './deadline-warnings';
import { RosterGaps } from '../duty/roster-gaps';

export const NOTIFY_TIMER_OPTIONS = Symbol('NOTIFY_TIMER_OPTIONS');

/** Notify's durable timers (the same mechanism as dispatch's clocks): the acknowledgement ladder, deadline warnings and the week-ahead roster check. */
@Injectable()
export class NotifyScheduler extends TimerScheduler {
  constructor(
    tx: TransactionalOutbox,
    clock: Clock,
    @Inject(NOTIFY_TIMER_OPTIONS) options: TimerSchedulerOptions,
    ladder: AcknowledgementLadder,
    warnings: DeadlineWarnings,
    rosterGaps: RosterGaps,
  ) {
    super(tx, clock, options, [ladder, warnings, rosterGaps]);
  }
}
