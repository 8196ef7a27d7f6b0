import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ComplaintResolved } from '@pc/contracts';
import { EventConsumers, on } from '@pc/messaging';
import { ScheduleCallback } from './schedule-callback.usecase';

@Injectable()
export class CallbackConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly schedule: ScheduleCallback,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start([on(ComplaintResolved, async (p, _e, ctx) => void (await this.schedule.execute(p, ctx)))]);
  }
}
