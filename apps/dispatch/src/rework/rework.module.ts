import { Module } from '@nestjs/common';
import { ReopenWorkOrder } from './reopen-work-order.usecase';
import { ReworkConsumer } from './rework.consumer';

/** The top layer of dispatch: a dissatisfied customer reopens the work order and sends a liaison letter. */
@Module({ providers: [ReopenWorkOrder, ReworkConsumer] })
export class ReworkModule {}
