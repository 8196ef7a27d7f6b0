import { Module } from '@nestjs/common';
import { SlaModule } from '../sla/sla.module';
import { ContractorResolver } from './contractor.resolver';
import { IssueRectificationNotice, RecordContractorResponse, SetPenaltyAmount, SettlePenalty } from './contractor.usecases';
import { NoticeTimers } from './notice-timers';

@Module({
  imports: [SlaModule],
  providers: [IssueRectificationNotice, RecordContractorResponse, SetPenaltyAmount, SettlePenalty, ContractorResolver, NoticeTimers],
})
export class ContractorModule {}
