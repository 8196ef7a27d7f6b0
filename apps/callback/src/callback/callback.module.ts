import { Module } from '@nestjs/common';
import { timerOptionsFrom } from '@pc/messaging';
import { ServiceConfig } from '@pc/platform';
import { DirectoryModule } from '@pc/subgraph';
import { CALLBACK_TIMER_OPTIONS, CallbackScheduler, OverdueCallbacks } from './callback-timers';
import { CallbackMetrics } from './callback-metrics';
import { CallbackConsumer } from './callback.consumer';
import { CallbackQueries } from './callback.queries';
import { CallbackResolver, ComplaintCallbacksResolver } from './callback.resolver';
import { RecordCallback } from './record-callback.usecase';
import { RecordCallbackAttempt } from './record-callback-attempt.usecase';
import { ScheduleCallback } from './schedule-callback.usecase';

@Module({
  imports: [DirectoryModule.forRoot({ customers: true })],
  providers: [
    { provide: CALLBACK_TIMER_OPTIONS, inject: [ServiceConfig], useFactory: timerOptionsFrom },
    OverdueCallbacks,
    CallbackScheduler,
    ScheduleCallback,
    RecordCallback,
    RecordCallbackAttempt,
    CallbackQueries,
    CallbackResolver,
    ComplaintCallbacksResolver,
    CallbackConsumer,
    CallbackMetrics,
  ],
})
export class CallbackModule {}
