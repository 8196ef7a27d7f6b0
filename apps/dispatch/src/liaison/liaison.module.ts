import { Module } from '@nestjs/common';
import { LetterTimers } from './letter-timers';
import { AnswerLiaisonLetter, LiaisonLetterResolver, SendLiaisonLetter } from './liaison';

@Module({
  providers: [SendLiaisonLetter, AnswerLiaisonLetter, LiaisonLetterResolver, LetterTimers],
  exports: [LetterTimers],
})
export class LiaisonModule {}
