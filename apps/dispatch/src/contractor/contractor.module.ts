import { Module } from '@nestjs/common';
import { ContractorResolver } from './contractor.resolver';
import { IssueRectificationNotice, RecordContractorResponse, SetPenaltyAmount, SettlePenalty } from './contractor.usecases';
import { NoticeTimers } from './notice-timers';

@Module({
  providers: [IssueRectificationNotice, RecordContractorResponse, SetPenaltyAmount, SettlePenalty, ContractorResolver, NoticeTimers],
  exports: [NoticeTimers],
})
export class ContractorModule {}
