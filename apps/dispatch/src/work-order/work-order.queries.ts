import { Injectable } from '@nestjs/common';
import { MikroORM, type FilterQuery } from '@mikro-orm/core';
import { Role } from '@pc/contracts';
import { AuthUser, forbidden, hasAnyRole, invalidInput, siteScope } from '@pc/platform';
import type { WorkOrdersArgs } from './dto/work-orders.args';
import { Deadline, WorkOrder } from './work-order.entity';
import { WorkOrderConnection, WorkOrderObject } from './work-order.object';

const encodeCursor = (w: WorkOrder): string => Buffer.from(`${w.createdAt.toISOString()}|${w.id}`).toString('base64url');

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const createdAt = new Date(at);
  if (!id || Number.isNaN(createdAt.getTime())) throw invalidInput('after', 'not a cursor of this connection');
  return { createdAt, id };
}

/** Read side of work orders: department queues and a complaint's work orders, scoped to the caller. */
@Injectable()
export class WorkOrderQueries {
  constructor(private readonly orm: MikroORM) {}

  async queue(user: AuthUser, args: WorkOrdersArgs): Promise<WorkOrderConnection> {
    const department = this.departmentFilter(user, args);
    const sites = siteScope(user, args.siteId);
    const where: FilterQuery<WorkOrder> = { orgId: user.org };
    if (sites) where.siteId = { $in: sites };
    if (department) where.department = department;
    if (args.status) where.status = args.status;
    if (args.after) {
      const c = decodeCursor(args.after);
      where.$or = [{ createdAt: { $gt: c.createdAt } }, { createdAt: c.createdAt, id: { $gt: c.id } }];
    }
    const first = args.first ?? 20;
    const em = this.orm.em.fork();
    const rows = await em.find(WorkOrder, where, { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], limit: first + 1 });
    const page = rows.slice(0, first);
    const deadlines = page.length ? await em.find(Deadline, { workOrderId: { $in: page.map((w) => w.id) } }, { orderBy: { dueAt: 'asc' } }) : [];
    return {
      edges: page.map((w) => ({ cursor: encodeCursor(w), node: WorkOrderObject.from(w, deadlines) })),
      pageInfo: { hasNextPage: rows.length > first, endCursor: page.length ? encodeCursor(page[page.length - 1]) : null },
    };
  }

  async forComplaint(user: AuthUser, complaintId: string): Promise<WorkOrderObject[]> {
    const sites = siteScope(user);
    const em = this.orm.em.fork();
    const where: FilterQuery<WorkOrder> = { orgId: user.org, complaintId };
    if (sites) where.siteId = { $in: sites };
    const rows = await em.find(WorkOrder, where, { orderBy: [{ lead: 'desc' }, { department: 'asc' }] });
    const deadlines = rows.length ? await em.find(Deadline, { workOrderId: { $in: rows.map((w) => w.id) } }, { orderBy: { dueAt: 'asc' } }) : [];
    return rows.map((w) => WorkOrderObject.from(w, deadlines));
  }

  /** Department staff and heads see their own department's queue; managers see every department. */
  private departmentFilter(user: AuthUser, args: WorkOrdersArgs) {
    const managers = [Role.SITE_HEAD, Role.AREA_MANAGER, Role.QUALITY, Role.LEADERSHIP, Role.ANALYST, Role.COMPLAINT_REP, Role.FRONT_DESK];
    if (hasAnyRole(user, managers)) return args.department;
    if (!user.department) throw forbidden('department staff need a "department" claim');
    if (args.department && args.department !== user.department) throw forbidden(`no access to the ${args.department} queue`);
    return user.department;
  }
}
