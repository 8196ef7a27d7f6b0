import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ComplaintResolved, Severity, SlaClock, WorkOrderResolved, WorkOrderStep } from '@pc/contracts';
import { invalidInput, notInFuture } from '@pc/platform';
import { deadlineV1 } from '../sla/deadline-book';
import type { ResolveWorkOrderCommand } from './commands/work-order.commands';
import { isDone } from './lifecycle';
import { assertHandles } from './work-order.access';
import { WorkOrderCommand, type WorkOrderView } from './work-order-command';
import { announceContact, workOrderCase } from './customer-contact';
import { ProgressNote, WorkOrder } from './work-order.entity';

/** The customer-facing clocks: met only by a contact with the customer, never by the resolution itself. */
const CONTACT_CLOCKS = [SlaClock.REPLY, SlaClock.FEEDBACK];

/**
 * Records the resolution of a work order with cause analysis and preventive action (a major complaint
 * also needs its corrective-action report, domain.md §3), closes its open clocks, and when every
 * department's work order of the complaint is done announces `complaint.resolved`.
 *
 * Rule "REPLY and FEEDBACK are met only by a recorded contact": the resolution closes the other
 * clocks, but the customer-facing ones only when the customer was told — earlier (a progress note) or
 * now (`customerInformed`, recorded as a progress note). Otherwise it is refused: a resolution
 * nobody told the customer about is not a reply.
 */
@Injectable()
export class ResolveWorkOrder {
  constructor(private readonly command: WorkOrderCommand) {}

  execute(c: ResolveWorkOrderCommand): Promise<WorkOrderView> {
    const user = c.actor;
    return this.command.run(user, c.workOrderId, WorkOrderStep.RESOLVED, async ({ em, events, wo, book, now }) => {
      if (wo.handlerId !== user.sub) assertHandles(user, wo, 'resolve it');
      wo.resolve(c, user.sub, now);
      if (c.customerInformed) {
        wo.assertMayReply('customerInformed');
        const at = notInFuture('customerInformed.at', c.customerInformed.at, now);
        const note = `Result told to the customer: ${c.resolution}`;
        const noteId = randomUUID();
        em.persist(
          em.create(ProgressNote, {
            id: noteId,
            workOrderId: wo.id,
            note,
            by: user.sub,
            at: now,
            customerInformedAt: at,
            customerInformedVia: c.customerInformed.via,
          }),
        );
        book.meet(CONTACT_CLOCKS, at);
        announceContact(events, workOrderCase(wo), { sourceId: noteId, via: c.customerInformed.via, answered: note, by: user.sub, at });
      }
      const untold = CONTACT_CLOCKS.filter((k) => book.open(k));
      if (untold.length) {
        throw invalidInput(
          'customerInformed',
          `no contact with the customer is recorded (${untold.join(' and ')} still open): say when and how the customer was told the result`,
        );
      }
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
          handledBy: [
            ...new Set([wo, ...siblings].flatMap((w) => [w.handlerId, w.resolvedBy]).filter((id): id is string => !!id && id !== 'system')),
          ],
        });
      }
    });
  }
}
