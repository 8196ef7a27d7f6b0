import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import {
  CallbackCompleted,
  CallbackKind,
  CallbackScheduled,
  ComplaintClosed,
  ComplaintFiled,
  ComplaintRejected,
  ComplaintResolved,
  ComplaintResolvedAtIntake,
  ComplaintSeverityChanged,
  SlaBreached,
  SlaClock,
  WorkOrderCreated,
  WorkOrderResolved,
  type DeadlineV1,
  type IntakeRecordV1,
} from '@pc/contracts';
import { EventConsumers, on } from '@pc/messaging';
import { localMonth } from '@pc/calendar';
import { ComplaintFact, DeadlineFact } from './facts.entity';

async function fact(em: EntityManager, p: { complaintId: string; orgId: string; siteId: string }): Promise<ComplaintFact> {
  const existing = await em.findOne(ComplaintFact, { complaintId: p.complaintId });
  if (existing) return existing;
  const created = em.create(ComplaintFact, { complaintId: p.complaintId, orgId: p.orgId, siteId: p.siteId });
  em.persist(created);
  return created;
}

/** The intake record's dimensions: month of receipt in the site's zone, category, severity, ... */
async function recordIntake(em: EntityManager, p: IntakeRecordV1, valid: boolean): Promise<ComplaintFact> {
  const f = await fact(em, p);
  em.assign(f, {
    month: localMonth(new Date(p.receivedAt), p.timeZone),
    category: p.category,
    // a later severity change (rule A or D) may have arrived first: it has the final word
    severity: f.severity === 'MAJOR' ? f.severity : p.severity,
    channel: p.channel,
    departments: p.departments,
    receivedAt: new Date(p.receivedAt),
    valid,
  });
  return f;
}

/** `workorder.created` only adds clocks; `workorder.resolved` (which may arrive first) has the final word. */
async function recordDeadlines(
  em: EntityManager,
  p: { workOrderId: string; complaintId: string; orgId: string },
  deadlines: DeadlineV1[],
  final: boolean,
) {
  for (const d of deadlines) {
    if (!final && (await em.findOne(DeadlineFact, { workOrderId: p.workOrderId, clock: d.clock }))) continue;
    await em.upsert(DeadlineFact, {
      workOrderId: p.workOrderId,
      clock: d.clock,
      complaintId: p.complaintId,
      orgId: p.orgId,
      dueAt: new Date(d.dueAt),
      metAt: d.metAt ? new Date(d.metAt) : null,
      breachedAt: d.breachedAt ? new Date(d.breachedAt) : null,
    });
  }
}

/** Projects the event stream into the facts the reports read. */
@Injectable()
export class FactProjector implements OnApplicationBootstrap {
  constructor(private readonly consumers: EventConsumers) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start([
      on(ComplaintFiled, async (p, _e, { em }) => void (await recordIntake(em, p, true))),
      on(ComplaintRejected, async (p, _e, { em }) => {
        await recordIntake(em, p, false);
        await recordDeadlines(em, { ...p, workOrderId: p.complaintId }, [{ clock: SlaClock.INVALID_REPLY, dueAt: p.replyDueAt }], false);
      }),
      on(ComplaintClosed, async (p, _e, { em }) => recordDeadlines(em, { ...p, workOrderId: p.complaintId }, [p.deadline], true)),
      on(ComplaintResolvedAtIntake, async (p, _e, { em }) => {
        const f = await recordIntake(em, p, true);
        em.assign(f, { resolvedAt: new Date(p.resolvedAt), resolvedAtIntake: true });
      }),
      on(ComplaintSeverityChanged, async (p, _e, { em }) => {
        const f = await fact(em, p);
        f.severity = p.to;
      }),
      on(ComplaintResolved, async (p, _e, { em }) => {
        const f = await fact(em, p);
        f.resolvedAt = new Date(p.resolvedAt);
        f.severity = p.severity;
      }),
      on(WorkOrderCreated, async (p, _e, { em }) => recordDeadlines(em, p, p.deadlines, false)),
      on(WorkOrderResolved, async (p, _e, { em }) => recordDeadlines(em, p, p.deadlines, true)),
      // a clock that passed while the case is still open counts as breached now, not at resolution
      on(SlaBreached, async (p, _e, { em }) => {
        const f = await em.findOne(DeadlineFact, { workOrderId: p.workOrderId, clock: p.clock });
        if (f) {
          f.breachedAt ??= new Date(p.breachedAt);
          return;
        }
        em.persist(
          em.create(DeadlineFact, {
            workOrderId: p.workOrderId,
            clock: p.clock,
            complaintId: p.complaintId,
            orgId: p.orgId,
            dueAt: new Date(p.dueAt),
            breachedAt: new Date(p.breachedAt),
          }),
        );
      }),
      on(CallbackScheduled, async (p, _e, { em }) => {
        if (p.kind && p.kind !== CallbackKind.COMPLAINT) return; // repairs and paid services are not complaints
        const f = await fact(em, p);
        f.callbackDueAt = new Date(p.dueAt);
      }),
      on(CallbackCompleted, async (p, _e, { em }) => {
        if (p.kind && p.kind !== CallbackKind.COMPLAINT) return;
        const f = await fact(em, p);
        em.assign(f, { callbackCompletedAt: new Date(p.completedAt), callbackOnTime: p.onTime, satisfaction: p.satisfaction });
      }),
    ]);
  }
}
