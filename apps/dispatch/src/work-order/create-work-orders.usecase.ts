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

  async execute(p: ComplaintFiledV1, ctx: HandlerContext): Promise<WorkOrder[]> {
    return this.create(p, await ctx.em.find(WorkOrder, { complaintId: p.complaintId }), ctx);
  }

  /** Many complaints at once (a batch of the consumer): their work orders looked up in one query, written together. */
  async executeMany(filed: ComplaintFiledV1[], ctx: HandlerContext): Promise<WorkOrder[]> {
    const known = await ctx.em.find(WorkOrder, { complaintId: { $in: [...new Set(filed.map((p) => p.complaintId))] } });
    const created: WorkOrder[] = [];
    for (const p of filed) {
      const mine = [...known, ...created].filter((w) => w.complaintId === p.complaintId);
      created.push(...this.create(p, mine, ctx));
    }
    return created;
  }

  /** The work orders of the complaint's departments that it does not have yet (a redelivery creates none). */
  private create(p: ComplaintFiledV1, existing: WorkOrder[], { em, events }: HandlerContext): WorkOrder[] {
    const now = this.clock.now();
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
        keyCustomer: p.keyCustomer ?? false,
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
