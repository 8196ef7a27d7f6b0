import { Module } from '@nestjs/common';
import { SlaModule } from '../sla/sla.module';
import { LetterTimers } from './letter-timers';
import { LiaisonLetterResolver } from './liaison.resolver';
import { AnswerLiaisonLetter } from './answer-liaison-letter.usecase';
import { SendLiaisonLetter } from './send-liaison-letter.usecase';

@Module({
  imports: [SlaModule],
  providers: [SendLiaisonLetter, AnswerLiaisonLetter, LiaisonLetterResolver, LetterTimers],
})
export class LiaisonModule {}
