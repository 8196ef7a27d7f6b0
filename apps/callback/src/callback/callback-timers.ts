import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { CallbackOverdue } from '@pc/contracts';
import {
  TimerScheduler,
  TransactionalOutbox,
  claimLock,
  type EventWriter,
  type TimerSchedulerOptions,
  type TimerSource,
} from '@pc/messaging';
import { Clock } from '@pc/platform';
import { Callback, CallbackStatus } from './callback.entity';

export const CALLBACK_TIMER_OPTIONS = Symbol('CALLBACK_TIMER_OPTIONS');

/** A callback still owed at its due time (24 h after resolution): marked overdue and announced once. */
@Injectable()
export class OverdueCallbacks implements TimerSource {
  readonly name = 'overdue callbacks';

  async fireDue(em: EntityManager, events: EventWriter, now: Date, limit: number): Promise<number> {
    const due = await em.find(
      Callback,
      { status: CallbackStatus.OPEN, dueAt: { $lte: now }, overdueAt: null },
      { orderBy: { dueAt: 'asc' }, limit, lockMode: claimLock(em) },
    );
    for (const c of due) {
      c.overdueAt = now;
      events.publish(CallbackOverdue, {
        orgId: c.orgId,
        siteId: c.siteId,
        complaintId: c.caseId,
        callbackId: c.id,
        kind: c.kind,
        assignee: c.assignee,
        dueAt: c.dueAt.toISOString(),
      });
    }
    return due.length;
  }
}

@Injectable()
export class CallbackScheduler extends TimerScheduler {
  constructor(
    tx: TransactionalOutbox,
    clock: Clock,
    @Inject(CALLBACK_TIMER_OPTIONS) options: TimerSchedulerOptions,
    overdue: OverdueCallbacks,
  ) {
    super(tx, clock, options, [overdue]);
  }
}
