import { Injectable } from '@nestjs/common';
import { TransactionalOutbox } from '@pc/messaging';
import { Clock, scopeOf, conflict, forbidden } from '@pc/platform';
import { LiaisonLetter } from './liaison-letter.entity';
import type { AnswerLiaisonLetterCommand } from './commands/liaison.commands';
import { canAnswerFor } from './liaison-rules';

@Injectable()
export class AnswerLiaisonLetter {
  constructor(
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
  ) {}

  execute(c: AnswerLiaisonLetterCommand): Promise<LiaisonLetter> {
    const { actor: user, ...input } = c;
    return this.tx.by(user).run(async (em) => {
      const letter = await scopeOf(user).load(em, LiaisonLetter, input.letterId, 'liaison letter');
      if (!canAnswerFor(user, letter.toDepartment)) throw forbidden(`only ${letter.toDepartment} staff may answer this letter`);
      if (letter.answeredAt) throw conflict('the letter is already answered', 'letterId');
      em.assign(letter, { answer: input.answer, answeredBy: user.sub, answeredAt: this.clock.now() });
      return letter;
    });
  }
}
