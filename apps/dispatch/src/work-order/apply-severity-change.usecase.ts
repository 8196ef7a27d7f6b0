import { Injectable } from '@nestjs/common';
import { ComplaintSeverityChangedV1, Severity, SlaClock } from '@pc/contracts';
import type { HandlerContext } from '@pc/messaging';
import { Clock } from '@pc/platform';
import { DeadlineBook } from '../sla/deadline-book';
import { majorClocks } from '../sla/sla-clocks';
import { isDone } from './lifecycle';
import { WorkOrder } from './work-order.entity';

/**
 * `complaint.severity_changed` to MAJOR (rule A or rule D): the complaint's work orders become
 * major, and the lead department's gets the major clocks from now — report to the head in 10
 * minutes, a solution agreed in 12 hours. The minor clocks that no longer apply stop: FEEDBACK if
 * not yet breached, and MAJOR_UPGRADE (its job is done).
 */
@Injectable()
export class ApplySeverityChange {
  constructor(private readonly clock: Clock) {}

  async execute(p: ComplaintSeverityChangedV1, { em }: HandlerContext): Promise<void> {
    if (p.to !== Severity.MAJOR) return;
    const now = this.clock.now();
    for (const wo of await em.find(WorkOrder, { complaintId: p.complaintId, orgId: p.orgId })) {
      wo.severity = Severity.MAJOR;
      if (!wo.lead || isDone(wo.status)) continue;
      const book = await DeadlineBook.of(em, wo);
      book.cancel([SlaClock.FEEDBACK], now);
      book.cancel([SlaClock.MAJOR_UPGRADE], now, { evenIfBreached: true });
      book.start(majorClocks(now));
    }
  }
}
