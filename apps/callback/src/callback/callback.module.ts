import { Module } from '@nestjs/common';
import { CallbackConsumer } from './callback.consumer';
import { CallbackResolver, ComplaintCallbacksResolver } from './callback.resolver';
import { RecordCallback } from './record-callback.usecase';
import { ScheduleCallback } from './schedule-callback.usecase';

@Module({ providers: [ScheduleCallback, RecordCallback, CallbackResolver, ComplaintCallbacksResolver, CallbackConsumer] })
export class CallbackModule {}
