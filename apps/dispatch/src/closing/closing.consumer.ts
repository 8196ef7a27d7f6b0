import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { CallbackCompleted, CallbackKind } from '@pc/contracts';
import { EventConsumers, on } from '@pc/messaging';
import { CallbackResult } from './closing.entity';

/** Keeps the result of every complaint callback (`callback.completed`): closing a complaint needs the newest one. */
@Injectable()
export class ClosingConsumer implements OnApplicationBootstrap {
  constructor(private readonly consumers: EventConsumers) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start([
      on(CallbackCompleted, async (p, _e, { em }) => {
        if (p.kind && p.kind !== CallbackKind.COMPLAINT) return; // repairs and paid services are not complaints
        await em.upsert(CallbackResult, {
          callbackId: p.callbackId,
          orgId: p.orgId,
          complaintId: p.complaintId,
          satisfaction: p.satisfaction,
          completedAt: new Date(p.completedAt),
        });
      }),
    ]);
  }
}
