import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { ContractorFailure } from '@pc/contracts';
import { claimLock, type EventWriter, type TimerSource } from '@pc/messaging';
import { recordContractorFailure } from './contractor-failure';
import { RectificationNotice } from './rectification.entity';

/** A rectification notice whose deadline passed without the work done: MISSED_DEADLINE. */
@Injectable()
export class NoticeTimers implements TimerSource {
  readonly name = 'rectification deadlines';

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
