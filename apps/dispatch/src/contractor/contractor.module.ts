import { Module } from '@nestjs/common';
import { SlaModule } from '../sla/sla.module';
import { ContractorResolver } from './contractor.resolver';
import { IssueRectificationNotice } from './issue-rectification-notice.usecase';
import { RecordContractorResponse } from './record-contractor-response.usecase';
import { SetPenaltyAmount } from './set-penalty-amount.usecase';
import { SettlePenalty } from './settle-penalty.usecase';
import { NoticeTimers } from './notice-timers';

@Module({
  imports: [SlaModule],
  providers: [IssueRectificationNotice, RecordContractorResponse, SetPenaltyAmount, SettlePenalty, ContractorResolver, NoticeTimers],
})
export class ContractorModule {}
