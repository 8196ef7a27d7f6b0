import { Module } from '@nestjs/common';
import { ServiceConfig } from '@pc/platform';
import { timerOptionsFrom } from '@pc/messaging';
import { ContractorModule } from '../contractor/contractor.module';
import { LiaisonModule } from '../liaison/liaison.module';
import { WorkOrderModule } from '../work-order/work-order.module';
import { DeadlineTimers } from './deadline-timers';
import { SCHEDULER_OPTIONS, SlaScheduler } from './sla-scheduler';
import { SlaResolver } from './sla.resolver';
import { EscalateWorkOrder, ExtendDeadline } from './sla.usecases';

@Module({
  imports: [WorkOrderModule, LiaisonModule, ContractorModule],
  providers: [
    { provide: SCHEDULER_OPTIONS, inject: [ServiceConfig], useFactory: timerOptionsFrom },
    DeadlineTimers,
    SlaScheduler,
    EscalateWorkOrder,
    ExtendDeadline,
    SlaResolver,
  ],
  exports: [SlaScheduler],
})
export class SlaModule {}
