import { Module } from '@nestjs/common';
import { SlaModule } from '../sla/sla.module';
import { WorkOrderModule } from '../work-order/work-order.module';
import { ApproveLetterReply } from './approve-letter-reply.usecase';
import { CloseComplaint } from './close-complaint.usecase';
import { ClosingConsumer } from './closing.consumer';
import { ClosingResolver } from './closing.resolver';
import { HandOverToQuality } from './hand-over-to-quality.usecase';
import { HandoverBreaches } from './handover-breaches';
import { VerifyHandling } from './verify-handling.usecase';

/** Closing valid complaints: the site head's opinion, the 3-day handover to quality, the verification, a letter's approved reply. */
@Module({
  imports: [SlaModule, WorkOrderModule],
  providers: [HandoverBreaches, CloseComplaint, HandOverToQuality, VerifyHandling, ApproveLetterReply, ClosingConsumer, ClosingResolver],
})
export class ClosingModule {}
