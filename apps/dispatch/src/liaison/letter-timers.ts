import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { claimLock, type TimerSource } from '@pc/messaging';
import { LiaisonLetter } from './liaison-letter.entity';

/** A liaison letter unanswered at its deadline is marked overdue (once); its queue shows it first. */
@Injectable()
export class LetterTimers implements TimerSource {
  readonly name = 'liaison letters';

  async fireDue(em: EntityManager, _events: unknown, now: Date, limit: number): Promise<number> {
    const due = await em.find(
      LiaisonLetter,
      { dueAt: { $lte: now }, answeredAt: null, overdueAt: null },
      { orderBy: { dueAt: 'asc' }, limit, lockMode: claimLock(em) },
    );
    for (const l of due) l.overdueAt = now;
    return due.length;
  }
}
