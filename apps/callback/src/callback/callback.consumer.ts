import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ComplaintResolved, ComplaintResolvedAtIntake } from '@pc/contracts';
import { EventConsumers, on } from '@pc/messaging';
import { ScheduleCallback } from './schedule-callback.usecase';

@Injectable()
export class CallbackConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly schedule: ScheduleCallback,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start([
      on(ComplaintResolved, async (p, _e, ctx) => void (await this.schedule.execute(p, ctx))),
      // domain.md §1: answered on the spot still gets its callback, owed by whoever took the case
      on(ComplaintResolvedAtIntake, async (p, _e, ctx) => {
        await this.schedule.execute(
          { ...p, resolvedBy: p.receivedBy, takenBy: p.receivedBy, atIntake: true },
          ctx,
        );
      }),
    ]);
  }
}
