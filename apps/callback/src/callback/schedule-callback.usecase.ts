import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CallbackKind, CallbackScheduled, Severity } from '@pc/contracts';
import type { HandlerContext } from '@pc/messaging';
import { Clock } from '@pc/platform';
import { callbackPlan } from './callback-rules';
import { Callback } from './callback.entity';

export interface ResolvedCase {
  orgId: string;
  siteId: string;
  caseId: string;
  kind: CallbackKind;
  areaId?: string;
  areaManagerId?: string;
  severity: Severity;
  resolvedAt: string;
  takenBy: string;
  handledBy?: string[];
}

/**
 * A resolved complaint, repair or paid service → the callback owed for it (100 % coverage: every
 * resolution gets one; a resolution after rework gets the next round).
 */
@Injectable()
export class ScheduleCallback {
  constructor(private readonly clock: Clock) {}

  async execute(p: ResolvedCase, { em, events }: HandlerContext): Promise<Callback> {
    const round = (await em.count(Callback, { caseId: p.caseId })) + 1;
    const plan = callbackPlan({
      kind: p.kind,
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
      areaManagerId: p.areaManagerId ?? null,
      kind: p.kind,
      caseId: p.caseId,
      round,
      severity: p.severity,
      resolvedAt: new Date(p.resolvedAt),
      createdAt: this.clock.now(),
      handledBy: p.handledBy ?? [],
      ...plan,
    });
    em.persist(callback);
    events.publish(CallbackScheduled, {
      orgId: p.orgId,
      siteId: p.siteId,
      complaintId: p.caseId,
      kind: p.kind,
      callbackId: callback.id,
      dueAt: callback.dueAt.toISOString(),
      assignee: callback.assignee,
      resolvedAt: callback.resolvedAt.toISOString(),
      timeZone: callback.timeZone,
      areaId: callback.areaId ?? undefined,
      round,
    });
    return callback;
  }
}
