import { Injectable } from '@nestjs/common';
import { SlaClock, WorkOrderStep, type NotificationAcknowledgedV1 } from '@pc/contracts';
import type { HandlerContext } from '@pc/messaging';
import { Clock } from '@pc/platform';
import { DeadlineBook } from '../sla/deadline-book';
import { isHeadsAcknowledgement, reportedByAcknowledgement } from './head-acknowledgement';
import { WorkOrderCommand } from './work-order-command';
import { WorkOrder } from './work-order.entity';

/**
 * `notification.acknowledged` (domain.md §6): the asset-management head acknowledging a major
 * complaint's message is the report to the head. The case's open major work orders are marked
 * reported to that head at the acknowledgement's time, and REPORT_TO_HEAD is met then (met late =
 * breached at its due time, as for the manager's recorded report). Idempotent: a work order already
 * reported is left as it is, so a redelivered acknowledgement changes nothing.
 */
@Injectable()
export class MeetReportOnAcknowledgement {
  constructor(
    private readonly command: WorkOrderCommand,
    private readonly clock: Clock,
  ) {}

  async execute(p: NotificationAcknowledgedV1, { em, events }: HandlerContext): Promise<void> {
    if (!isHeadsAcknowledgement(p)) return;
    const all = await em.find(WorkOrder, { complaintId: p.complaintId!, orgId: p.orgId }, { orderBy: { id: 'asc' } });
    const at = new Date(p.acknowledgedAt);
    const now = this.clock.now();
    for (const wo of reportedByAcknowledgement(all)) {
      const book = await DeadlineBook.of(em, wo);
      wo.reportToHead(p.recipientId, at);
      book.meet([SlaClock.REPORT_TO_HEAD], at);
      wo.revision += 1;
      await em.flush();
      await this.command.record(em, events, wo, book, WorkOrderStep.REPORTED_TO_HEAD, now);
    }
  }
}
