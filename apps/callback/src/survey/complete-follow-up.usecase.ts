import { Injectable } from '@nestjs/common';
import { TransactionalOutbox } from '@pc/messaging';
import { Clock, conflict, scopeOf } from '@pc/platform';
import { FollowUpPlan } from './survey.entity';
import type { CompleteFollowUpCommand } from './commands/survey.commands';

/** The owner marks a follow-up plan done. */
@Injectable()
export class CompleteFollowUp {
  constructor(
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
  ) {}

  execute(c: CompleteFollowUpCommand): Promise<FollowUpPlan> {
    const { actor: user, id } = c;
    return this.tx.by(user).run(async (em) => {
      const f = await scopeOf(user).load(em, FollowUpPlan, id, 'follow-up plan');
      if (f.doneAt) throw conflict('the follow-up is already done', 'id');
      f.doneAt = this.clock.now();
      return f;
    });
  }
}
