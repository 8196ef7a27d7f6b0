import { Module } from '@nestjs/common';
import { SlaModule } from '../sla/sla.module';
import { LetterTimers } from './letter-timers';
import { LiaisonLetterResolver } from './liaison.resolver';
import { AnswerLiaisonLetter, SendLiaisonLetter } from './liaison.usecases';

@Module({
  imports: [SlaModule],
  providers: [SendLiaisonLetter, AnswerLiaisonLetter, LiaisonLetterResolver, LetterTimers],
})
export class LiaisonModule {}
