import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { CallbackDissatisfied, ComplaintFiled, ComplaintSeverityChanged } from '@pc/contracts';
import { EventConsumers, on } from '@pc/messaging';
import { CreateWorkOrders } from './create-work-orders.usecase';
import { ApplySeverityChange, ReopenWorkOrder } from './rework.usecases';

@Injectable()
export class WorkOrderConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly createWorkOrders: CreateWorkOrders,
    private readonly severityChange: ApplySeverityChange,
    private readonly reopen: ReopenWorkOrder,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start([
      on(ComplaintFiled, async (p, _e, ctx) => void (await this.createWorkOrders.execute(p, ctx))),
      on(ComplaintSeverityChanged, async (p, _e, ctx) => this.severityChange.execute(p, ctx)),
      on(CallbackDissatisfied, async (p, e, ctx) => this.reopen.execute(p, e, ctx)),
    ]);
  }
}
