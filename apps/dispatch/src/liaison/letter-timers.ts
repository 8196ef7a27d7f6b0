import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { claimLock, type TimerSource } from '@pc/messaging';
import { TimerRegistry } from '../sla/timer-registry';
import { LiaisonLetter } from './liaison-letter.entity';

/** A liaison letter unanswered at its deadline is marked overdue (once); its queue shows it first. */
@Injectable()
export class LetterTimers implements TimerSource, OnModuleInit {
  readonly name = 'liaison letters';

  constructor(private readonly registry: TimerRegistry) {}

  onModuleInit(): void {
    this.registry.register(this, 1);
  }

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
