import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { CallbackDissatisfied, QualityFindingRecorded } from '@pc/contracts';
import { EventConsumers, on } from '@pc/messaging';
import { ReopenWorkOrder } from './reopen-work-order.usecase';

/** `callback.dissatisfied` → the work order goes back for rework (domain.md §4); so does a quality check's finding against it (issue 31). */
@Injectable()
export class ReworkConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly reopen: ReopenWorkOrder,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start([
      on(CallbackDissatisfied, async (p, e, ctx) => this.reopen.execute(p, e, ctx)),
      on(QualityFindingRecorded, async (p, _e, ctx) => this.reopen.forQualityFinding(p, ctx)),
    ]);
  }
}
