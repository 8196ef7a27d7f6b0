import { Module } from '@nestjs/common';
import { LetterTimers } from './letter-timers';
import { LiaisonLetterResolver } from './liaison.resolver';
import { AnswerLiaisonLetter, SendLiaisonLetter } from './liaison.usecases';

@Module({
  providers: [SendLiaisonLetter, AnswerLiaisonLetter, LiaisonLetterResolver, LetterTimers],
  exports: [LetterTimers],
})
export class LiaisonModule {}
