import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ComplaintFiledV1, WorkOrderCreated, WorkOrderStatus } from '@pc/contracts';
import type { HandlerContext } from '@pc/messaging';
import { Clock } from '@pc/platform';
import { DeadlineBook, deadlineV1 } from '../sla/deadline-book';
import { initialClocks } from '../sla/sla-clocks';
import { WorkOrder } from './work-order.entity';

/** `complaint.filed` → one work order per routed department, lead first, with its SLA clocks. */
@Injectable()
export class CreateWorkOrders {
  constructor(private readonly clock: Clock) {}

  async execute(p: ComplaintFiledV1, { em, events }: HandlerContext): Promise<WorkOrder[]> {
    const now = this.clock.now();
    const existing = await em.find(WorkOrder, { complaintId: p.complaintId });
    const created: WorkOrder[] = [];
    for (const [index, department] of p.departments.entries()) {
      if (existing.some((w) => w.department === department)) continue;
      const wo = em.create(WorkOrder, {
        id: randomUUID(),
        orgId: p.orgId,
        siteId: p.siteId,
        areaId: p.areaId ?? null,
        areaManagerId: p.areaManagerId ?? null,
        complaintId: p.complaintId,
        customerId: p.customerId,
        department,
        lead: index === 0,
        status: WorkOrderStatus.RECEIVED,
        severity: p.severity,
        category: p.category,
        channel: p.channel,
        takenBy: p.receivedBy,
        receivedAt: new Date(p.receivedAt),
        createdAt: now,
      });
      em.persist(wo);
      const book = DeadlineBook.empty(em, wo);
      const deadlines = book.start(
        initialClocks({
          lead: wo.lead,
          severity: p.severity,
          receivedAt: wo.receivedAt,
          replyDueAt: new Date(p.replyDueAt),
          departmentReceivedAt: now,
        }),
      );
      events.publish(WorkOrderCreated, {
        orgId: wo.orgId,
        siteId: wo.siteId,
        complaintId: wo.complaintId,
        workOrderId: wo.id,
        department: wo.department,
        lead: wo.lead,
        createdAt: now.toISOString(),
        deadlines: deadlines.map(deadlineV1),
      });
      created.push(wo);
    }
    return created;
  }
}
