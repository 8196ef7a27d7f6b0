import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { ContractorFailure, SlaClock } from '@pc/contracts';
import { claimLock, type EventWriter, type TimerSource } from '@pc/messaging';
import { recordContractorFailure } from './contractor-failure';
import { DeadlineBook } from '../sla/deadline-book';
import { ClockBreachHandlers, TimerRegistry } from '../sla/timer-registry';
import { RectificationNotice } from './rectification.entity';

/** A rectification notice whose deadline passed without the work done: MISSED_DEADLINE. */
@Injectable()
export class NoticeTimers implements TimerSource, OnModuleInit {
  readonly name = 'rectification deadlines';

  constructor(
    private readonly registry: TimerRegistry,
    private readonly breaches: ClockBreachHandlers,
  ) {}

  onModuleInit(): void {
    this.registry.register(this, 2);
    // a contractor that did not show up within 4 hours (CONTRACTOR_ARRIVAL) is fined instead of escalated
    this.breaches.register(SlaClock.CONTRACTOR_ARRIVAL, async (em, events, deadline, workOrder, now) => {
      const notice = await em.findOne(RectificationNotice, { id: deadline.ref });
      if (notice) recordContractorFailure(em, events, notice, ContractorFailure.NO_SHOW, deadline.dueAt);
      // the fine is the consequence; the clock waits no longer and leaves the queue's sort key
      (await DeadlineBook.of(em, workOrder)).cancel([SlaClock.CONTRACTOR_ARRIVAL], now, { evenIfBreached: true, ref: deadline.ref });
    });
  }

  async fireDue(em: EntityManager, events: EventWriter, now: Date, limit: number): Promise<number> {
    const due = await em.find(
      RectificationNotice,
      { rectifyBy: { $lte: now }, completedAt: null, failure: null },
      { orderBy: { rectifyBy: 'asc' }, limit, lockMode: claimLock(em) },
    );
    for (const n of due) recordContractorFailure(em, events, n, ContractorFailure.MISSED_DEADLINE, n.rectifyBy);
    return due.length;
  }
}
