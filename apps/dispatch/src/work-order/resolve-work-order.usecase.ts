import { Injectable } from '@nestjs/common';
import { ComplaintResolved, Role, WorkOrderResolved, WorkOrderStatus } from '@pc/contracts';
import { TransactionalOutbox } from '@pc/messaging';
import { AuthUser, Clock, assertSite, conflict, forbidden, hasAnyRole, notFound } from '@pc/platform';
import type { ResolveWorkOrderInput } from './dto/resolve-work-order.input';
import { closeClock } from './sla-clocks';
import { Deadline, WorkOrder } from './work-order.entity';

const DONE = new Set([WorkOrderStatus.RESOLVED, WorkOrderStatus.CONFIRMED, WorkOrderStatus.CLOSED]);

/** Staff of the work order's own department, or those accountable for the site. */
export function canHandle(user: AuthUser, wo: WorkOrder): boolean {
  if (hasAnyRole(user, [Role.SITE_HEAD, Role.AREA_MANAGER])) return true;
  return hasAnyRole(user, [Role.DEPARTMENT_STAFF, Role.DEPARTMENT_HEAD]) && user.department === wo.department;
}

/**
 * Records the resolution of a work order (with cause analysis and preventive action, domain.md §3),
 * closes its clocks, and when every department's work order of the complaint is resolved announces
 * `complaint.resolved`.
 */
@Injectable()
export class ResolveWorkOrder {
  constructor(
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
  ) {}

  async execute(user: AuthUser, input: ResolveWorkOrderInput): Promise<{ workOrder: WorkOrder; deadlines: Deadline[] }> {
    return this.tx.run(async (em, events) => {
      const wo = await em.findOne(WorkOrder, { id: input.workOrderId, orgId: user.org });
      if (!wo) throw notFound('work order', input.workOrderId);
      assertSite(user, wo.siteId);
      if (!canHandle(user, wo)) throw forbidden(`only ${wo.department} staff or the site's managers may resolve this work order`);
      if (DONE.has(wo.status)) throw conflict(`work order is already ${wo.status.toLowerCase()}`, 'workOrderId');

      const now = this.clock.now();
      Object.assign(wo, {
        status: WorkOrderStatus.RESOLVED,
        resolvedAt: now,
        resolvedBy: user.sub,
        resolution: input.resolution,
        causeAnalysis: input.causeAnalysis ?? null,
        preventiveAction: input.preventiveAction ?? null,
      });
      const deadlines = await em.find(Deadline, { workOrderId: wo.id }, { orderBy: { dueAt: 'asc' } });
      deadlines.forEach((d) => closeClock(d, now));

      events.publish(WorkOrderResolved, {
        orgId: wo.orgId,
        siteId: wo.siteId,
        complaintId: wo.complaintId,
        workOrderId: wo.id,
        department: wo.department,
        resolvedAt: now.toISOString(),
        deadlines: deadlines.map((d) => ({
          clock: d.clock,
          dueAt: d.dueAt.toISOString(),
          metAt: d.metAt?.toISOString(),
          breachedAt: d.breachedAt?.toISOString(),
        })),
      });

      const siblings = await em.find(WorkOrder, { complaintId: wo.complaintId, id: { $ne: wo.id } });
      if (siblings.every((s) => DONE.has(s.status))) {
        events.publish(ComplaintResolved, {
          orgId: wo.orgId,
          siteId: wo.siteId,
          complaintId: wo.complaintId,
          areaId: wo.areaId ?? undefined,
          areaManagerId: wo.areaManagerId ?? undefined,
          severity: wo.severity,
          category: wo.category,
          resolvedAt: now.toISOString(),
          resolvedBy: user.sub,
          takenBy: wo.takenBy,
          atIntake: false,
        });
      }
      return { workOrder: wo, deadlines };
    });
  }
}
