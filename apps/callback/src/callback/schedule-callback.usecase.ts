import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CallbackScheduled, ComplaintResolvedV1 } from '@pc/contracts';
import type { HandlerContext } from '@pc/messaging';
import { Clock } from '@pc/platform';
import { callbackPlan } from './callback-rules';
import { Callback } from './callback.entity';

/** `complaint.resolved` → the callback owed for it (100 % coverage: every resolution gets one). */
@Injectable()
export class ScheduleCallback {
  constructor(private readonly clock: Clock) {}

  async execute(p: ComplaintResolvedV1, { em, events }: HandlerContext): Promise<Callback> {
    const round = (await em.count(Callback, { complaintId: p.complaintId })) + 1;
    const plan = callbackPlan({
      severity: p.severity,
      resolvedAt: new Date(p.resolvedAt),
      takenBy: p.takenBy,
      areaManagerId: p.areaManagerId,
    });
    const callback = em.create(Callback, {
      id: randomUUID(),
      orgId: p.orgId,
      siteId: p.siteId,
      areaId: p.areaId ?? null,
      complaintId: p.complaintId,
      round,
      severity: p.severity,
      resolvedAt: new Date(p.resolvedAt),
      createdAt: this.clock.now(),
      ...plan,
    });
    em.persist(callback);
    events.publish(CallbackScheduled, {
      orgId: p.orgId,
      siteId: p.siteId,
      complaintId: p.complaintId,
      callbackId: callback.id,
      dueAt: callback.dueAt.toISOString(),
      assignee: callback.assignee,
    });
    return callback;
  }
}
