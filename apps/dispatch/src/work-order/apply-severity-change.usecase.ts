import { Injectable } from '@nestjs/common';
import { ComplaintSeverityChangedV1, Severity, SlaClock } from '@pc/contracts';
import type { HandlerContext } from '@pc/messaging';
import { Clock } from '@pc/platform';
import { DeadlineBook } from '../sla/deadline-book';
import { majorClocks } from '../sla/sla-clocks';
import { isDone } from './lifecycle';
import { WorkOrder } from './work-order.entity';

/** Only the lead department's open work order gets the major clocks. */
const takesMajorClocks = (wo: WorkOrder): boolean => wo.lead && !isDone(wo.status);

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
    const wos = await em.find(WorkOrder, { complaintId: p.complaintId, orgId: p.orgId });
    this.apply(wos, await DeadlineBook.ofMany(em, wos.filter(takesMajorClocks)));
  }

  /** Many changes at once (a batch of the consumer): the work orders and their clocks read in two queries. */
  async executeMany(changes: ComplaintSeverityChangedV1[], { em }: HandlerContext): Promise<void> {
    const major = changes.filter((p) => p.to === Severity.MAJOR);
    if (!major.length) return;
    const wos = await em.find(WorkOrder, {
      complaintId: { $in: [...new Set(major.map((p) => p.complaintId))] },
      orgId: { $in: [...new Set(major.map((p) => p.orgId))] },
    });
    const books = await DeadlineBook.ofMany(em, wos.filter(takesMajorClocks));
    for (const p of major) {
      this.apply(
        wos.filter((w) => w.complaintId === p.complaintId && w.orgId === p.orgId),
        books,
      );
    }
  }

  /** The work orders of one complaint become major; the lead's open one gets the major clocks. */
  private apply(wos: WorkOrder[], books: Map<string, DeadlineBook>): void {
    const now = this.clock.now();
    for (const wo of wos) {
      wo.severity = Severity.MAJOR;
      const book = books.get(wo.id); // only the work orders that take the major clocks have one
      if (!book) continue;
      book.cancel([SlaClock.FEEDBACK], now);
      book.cancel([SlaClock.MAJOR_UPGRADE], now, { evenIfBreached: true });
      book.start(majorClocks(now));
    }
  }
}
