import { Module } from '@nestjs/common';
import type { TimerSchedulerOptions } from '@pc/messaging';
import { ServiceConfig } from '@pc/platform';
import { CALLBACK_TIMER_OPTIONS, CallbackScheduler, OverdueCallbacks } from './callback-timers';
import { CallbackConsumer } from './callback.consumer';
import { CallbackQueries } from './callback.queries';
import { CallbackResolver, ComplaintCallbacksResolver } from './callback.resolver';
import { RecordCallback, RecordCallbackAttempt } from './record-callback.usecase';
import { ScheduleCallback } from './schedule-callback.usecase';

@Module({
  providers: [
    { provide: CALLBACK_TIMER_OPTIONS, inject: [ServiceConfig], useFactory: (c: ServiceConfig): TimerSchedulerOptions => ({ intervalMs: c.SLA_SCAN_MS, batchSize: c.SLA_BATCH_SIZE }) },
    OverdueCallbacks,
    CallbackScheduler,
    ScheduleCallback,
    RecordCallback,
    RecordCallbackAttempt,
    CallbackQueries,
    CallbackResolver,
    ComplaintCallbacksResolver,
    CallbackConsumer,
  ],
})
export class CallbackModule {}
