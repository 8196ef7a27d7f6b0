import { Injectable } from '@nestjs/common';
import { ComplaintResolved, Severity, SlaClock, WorkOrderResolved, WorkOrderStep } from '@pc/contracts';
import { deadlineV1 } from '../sla/deadline-book';
import type { ResolveWorkOrderCommand } from './commands/work-order.commands';
import { isDone } from './lifecycle';
import { assertHandles } from './work-order.access';
import { WorkOrderCommand, type WorkOrderView } from './work-order-command';
import { WorkOrder } from './work-order.entity';

/**
 * Records the resolution of a work order with cause analysis and preventive action (a major complaint
 * also needs its corrective-action report, domain.md §3), closes its open clocks, and when every
 * department's work order of the complaint is done announces `complaint.resolved`.
 */
@Injectable()
export class ResolveWorkOrder {
  constructor(private readonly command: WorkOrderCommand) {}

  execute(c: ResolveWorkOrderCommand): Promise<WorkOrderView> {
    const user = c.actor;
    return this.command.run(user, c.workOrderId, WorkOrderStep.RESOLVED, async ({ em, events, wo, book, now }) => {
      if (wo.handlerId !== user.sub) assertHandles(user, wo, 'resolve it');
      wo.resolve(c, user.sub, now);
      // the work is done: every clock of the case closes (met, or met late); a contractor's arrival
      // is the contractor's own clock and stays with its notice
      book.meetAll(now, (d) => d.clock === SlaClock.CONTRACTOR_ARRIVAL);

      events.publish(WorkOrderResolved, {
        orgId: wo.orgId,
        siteId: wo.siteId,
        complaintId: wo.complaintId,
        workOrderId: wo.id,
        department: wo.department,
        resolvedAt: now.toISOString(),
        cause: wo.cause ?? undefined,
        deadlines: book.all.filter((d) => d.round === wo.round && !d.ref).map(deadlineV1),
      });

      const siblings = await em.find(WorkOrder, { complaintId: wo.complaintId, id: { $ne: wo.id } });
      if (siblings.every((s) => isDone(s.status))) {
        events.publish(ComplaintResolved, {
          orgId: wo.orgId,
          siteId: wo.siteId,
          complaintId: wo.complaintId,
          areaId: wo.areaId ?? undefined,
          areaManagerId: wo.areaManagerId ?? undefined,
          severity: siblings.some((s) => s.severity === Severity.MAJOR) ? Severity.MAJOR : wo.severity,
          category: wo.category,
          resolvedAt: now.toISOString(),
          resolvedBy: user.sub,
          takenBy: wo.takenBy,
          atIntake: false,
        });
      }
    });
  }
}
