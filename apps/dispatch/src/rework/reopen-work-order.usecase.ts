import { Injectable } from '@nestjs/common';
import { CallbackDissatisfiedV1, type EventEnvelope, type QualityFindingRecordedV1 } from '@pc/contracts';
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

  /**
   * `quality.finding_recorded` (issue 31, the quality department's monthly check): a complaint found not
   * handled as recorded, or its customer not told, goes back for rework — its lead work order, a new round,
   * and a liaison letter carrying the finding in the quality checker's name. A work order already back in
   * rework is left as it is.
   */
  async forQualityFinding(p: QualityFindingRecordedV1, { em, events }: HandlerContext): Promise<void> {
    const wo = (await em.find(WorkOrder, { complaintId: p.complaintId, orgId: p.orgId })).find((w) => w.lead);
    if (!wo) throw new Error(`no lead work order for complaint ${p.complaintId}`);
    if (!canDo(wo.status, WorkOrderAction.REOPEN)) return;
    const found = [!p.handledAsRecorded ? 'not handled as recorded' : null, !p.customerTold ? 'the customer was not told' : null]
      .filter(Boolean)
      .join('; ');
    await reopenForRework(em, events, wo, {
      endedBy: `quality check ${p.checkId}`,
      note: `Round ${wo.round} reopened by the monthly quality check: ${found}. Plan: ${wo.plan ?? '—'} Resolution: ${wo.resolution ?? '—'}`,
      letter: `Rework after the monthly quality check (${p.itemId}): ${found}${p.note ? `. ${p.note}` : ''}`,
      sentBy: p.checkedBy,
      at: this.clock.now(),
    });
  }
}
