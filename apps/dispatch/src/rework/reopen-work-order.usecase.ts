import { Injectable } from '@nestjs/common';
import { CallbackDissatisfiedV1, type EventEnvelope } from '@pc/contracts';
import type { HandlerContext } from '@pc/messaging';
import { Clock } from '@pc/platform';
import { escalate } from '../sla/escalation';
import { WorkOrderAction, canDo } from '../work-order/lifecycle';
import { WorkOrder } from '../work-order/work-order.entity';
import { reopenForRework } from './rework';

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

    await reopenForRework(em, events, wo, {
      endedBy: `dissatisfied callback ${p.callbackId}`,
      note: `Round ${wo.round} closed by a dissatisfied callback. Plan: ${wo.plan ?? '—'} Resolution: ${wo.resolution ?? '—'}`,
      letter: `Rework after a dissatisfied callback (${p.callbackId})${p.shortcomings ? `: ${p.shortcomings}` : ''}`,
      sentBy: p.areaManagerId ?? wo.areaManagerId ?? 'system',
      at: now,
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
