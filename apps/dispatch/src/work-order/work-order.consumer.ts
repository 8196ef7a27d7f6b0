import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ComplaintFiled } from '@pc/contracts';
import { EventConsumers, on } from '@pc/messaging';
import { CreateWorkOrders } from './create-work-orders.usecase';

@Injectable()
export class WorkOrderConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly createWorkOrders: CreateWorkOrders,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start([on(ComplaintFiled, async (p, _e, ctx) => void (await this.createWorkOrders.execute(p, ctx)))]);
  }
}
