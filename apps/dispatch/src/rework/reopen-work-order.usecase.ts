import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CallbackDissatisfiedV1, WorkOrderReopened, type EventEnvelope } from '@pc/contracts';
import type { HandlerContext } from '@pc/messaging';
import { Clock } from '@pc/platform';
import { writeLiaisonLetter } from '../liaison/liaison-letter.entity';
import { DeadlineBook, deadlineV1 } from '../sla/deadline-book';
import { escalate } from '../sla/escalation';
import { reworkClocks } from '../sla/sla-clocks';
import { WorkOrderAction, canDo } from '../work-order/lifecycle';
import { ProgressNote, WorkOrder } from '../work-order/work-order.entity';

/** A rework letter is due within one day. */
const REWORK_LETTER_MS = 24 * 3_600_000;

/**
 * `callback.dissatisfied` (domain.md §4): the responsible department's work order (the lead one
 * unless named) goes back for rework with a new round of clocks; the department gets a liaison
 * letter with the customer's shortcomings, sent in the area manager's name. A case that comes back
 * dissatisfied a second time is escalated one level.
 */
@Injectable()
export class ReopenWorkOrder {
  constructor(private readonly clock: Clock) {}

  async execute(p: CallbackDissatisfiedV1, envelope: EventEnvelope<CallbackDissatisfiedV1>, { em, events }: HandlerContext): Promise<void> {
    const now = this.clock.now();
    const all = await em.find(WorkOrder, { complaintId: p.complaintId, orgId: p.orgId });
    const wo = p.department ? all.find((w) => w.department === p.department) : all.find((w) => w.lead);
    if (!wo) throw new Error(`no ${p.department ?? 'lead'} work order for complaint ${p.complaintId}`);
    if (!canDo(wo.status, WorkOrderAction.REOPEN)) return; // already back in rework: one reopen per dissatisfied result

    // the previous round's plan and resolution stay on record as a note; rework needs a new plan
    em.persist(
      em.create(ProgressNote, {
        id: randomUUID(),
        workOrderId: wo.id,
        note: `Round ${wo.round} closed by a dissatisfied callback. Plan: ${wo.plan ?? '—'} Resolution: ${wo.resolution ?? '—'}`,
        by: 'system',
        at: now,
      }),
    );
    wo.reopen();
    const book = await DeadlineBook.of(em, wo);
    const started = book.start(reworkClocks({ lead: wo.lead, severity: wo.severity, at: now }));

    // the responsible department hears of it by a liaison letter in the area manager's name
    writeLiaisonLetter(em, wo, {
      fromDepartment: null,
      toDepartment: wo.department,
      body: `Rework after a dissatisfied callback (${p.callbackId})${p.shortcomings ? `: ${p.shortcomings}` : ''}`,
      dueAt: new Date(now.getTime() + REWORK_LETTER_MS),
      sentBy: p.areaManagerId ?? wo.areaManagerId ?? 'system',
      sentAt: now,
    });
    events.publish(WorkOrderReopened, {
      orgId: wo.orgId,
      siteId: wo.siteId,
      complaintId: wo.complaintId,
      workOrderId: wo.id,
      department: wo.department,
      round: wo.round,
      reopenedAt: now.toISOString(),
      deadlines: started.map(deadlineV1),
    });
    if (wo.round >= 3) {
      escalate(em, events, wo, {
        reason: `customer dissatisfied ${wo.round - 1} times (callback ${p.callbackId}, event ${envelope.id})`,
        by: 'system',
        at: now,
      });
    }
  }
}
