import { Module } from '@nestjs/common';
import { timerOptionsFrom } from '@pc/messaging';
import { ServiceConfig } from '@pc/platform';
import { SlaMetrics } from './sla-metrics';
import { SCHEDULER_OPTIONS, SlaScheduler } from './sla-scheduler';
import { ClockBreachHandlers, TimerRegistry } from './timer-registry';

/** The bottom layer of dispatch: clocks, escalation chain, and the scheduler the features register their timers with. */
@Module({
  providers: [
    { provide: SCHEDULER_OPTIONS, inject: [ServiceConfig], useFactory: timerOptionsFrom },
    TimerRegistry,
    ClockBreachHandlers,
    SlaScheduler,
    SlaMetrics,
  ],
  exports: [TimerRegistry, ClockBreachHandlers, SlaScheduler],
})
export class SlaModule {}
