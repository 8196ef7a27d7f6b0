import { Injectable } from '@nestjs/common';
import { WorkOrderStep, type ResidentFeedbackGivenV1 } from '@pc/contracts';
import type { HandlerContext } from '@pc/messaging';
import { DeadlineBook } from '../sla/deadline-book';
import { WorkOrderAction, canDo } from './lifecycle';
import { WorkOrder } from './work-order.entity';
import { WorkOrderCommand } from './work-order-command';

/**
 * Issue 30: the customer confirmed the resolution themselves on the resident page, the opposite of a
 * proxy signature (不得仿签): each resolved work order of the case is confirmed with the link as the
 * signature (`resident-link:<id>`) and `resident` as who recorded it. A replay finds them confirmed.
 */
@Injectable()
export class ResidentConfirmation {
  constructor(private readonly command: WorkOrderCommand) {}

  async execute(p: ResidentFeedbackGivenV1, { em, events }: HandlerContext): Promise<void> {
    if (!p.confirmResolved) return;
    const orders = await em.find(WorkOrder, { orgId: p.orgId, complaintId: p.complaintId, customerId: p.customerId });
    const at = new Date(p.at);
    for (const wo of orders.filter((w) => canDo(w.status, WorkOrderAction.CONFIRM))) {
      wo.confirm(`resident-link:${p.linkId}`, 'resident', at);
      wo.revision += 1;
      await em.flush();
      await this.command.record(em, events, wo, await DeadlineBook.of(em, wo), WorkOrderStep.CONFIRMED, at);
    }
  }
}
