import { Injectable } from '@nestjs/common';
import { MikroORM, type FilterQuery } from '@mikro-orm/core';
import { AuthUser, Clock, forbidden, invalidInput, notFound, plainRows, scopeOf } from '@pc/platform';
import { Deadline, Escalation, Extension } from '../sla/deadline.entity';
import type { WorkOrdersArgs } from './dto/work-orders.args';
import { ProgressNote, WorkOrder, WorkOrderRound } from './work-order.entity';
import { departmentFilter, departmentScope } from './work-order.access';
import {
  EscalationObject,
  ExtensionObject,
  ProgressNoteObject,
  WorkOrderConnection,
  WorkOrderObject,
  WorkOrderRoundObject,
} from './work-order.object';

const encodeCursor = (w: WorkOrder): string => Buffer.from(`${w.nextDueAt.toISOString()}|${w.id}`).toString('base64url');

function decodeCursor(cursor: string): { nextDueAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const nextDueAt = new Date(at);
  if (!id || Number.isNaN(nextDueAt.getTime())) throw invalidInput('after', 'not a cursor of this connection');
  return { nextDueAt, id };
}

/** Read side of work orders: department queues and a complaint's work orders, scoped to the caller. */
@Injectable()
export class WorkOrderQueries {
  constructor(
    private readonly orm: MikroORM,
    private readonly clock: Clock,
  ) {}

  /** A queue sorted by the nearest open deadline (work orders with none come last), then id. */
  async queue(user: AuthUser, args: WorkOrdersArgs): Promise<WorkOrderConnection> {
    const department = this.queueDepartment(user, args);
    const and: FilterQuery<WorkOrder>[] = [];
    if (department) and.push({ department });
    if (args.status) and.push({ status: args.status });
    if (args.overdue === true) and.push({ nextDueAt: { $lte: this.clock.now() } });
    if (args.overdue === false) and.push({ nextDueAt: { $gt: this.clock.now() } });
    if (args.after) {
      const c = decodeCursor(args.after);
      and.push({ $or: [{ nextDueAt: { $gt: c.nextDueAt } }, { nextDueAt: c.nextDueAt, id: { $gt: c.id } }] });
    }
    const first = args.first ?? 20;
    // read-only rows, not entities: no hydration, no unit of work
    const rows = await scopeOf(user).rows(
      this.orm.em.fork(),
      WorkOrder,
      and.length ? { $and: and } : {},
      { orderBy: [{ nextDueAt: 'asc' }, { id: 'asc' }], limit: first + 1 },
      args.siteId,
    );
    const page = rows.slice(0, first);
    const nodes = this.objects(page, await this.deadlinesOf(page.map((w) => w.id)));
    return {
      edges: page.map((w, i) => ({ cursor: encodeCursor(w), node: nodes[i] })),
      pageInfo: { hasNextPage: rows.length > first, endCursor: page.length ? encodeCursor(page[page.length - 1]) : null },
    };
  }

  async one(user: AuthUser, id: string): Promise<WorkOrderObject> {
    const found = await this.find(user, id);
    if (!found) throw notFound('work order', id);
    return found;
  }

  /** One work order of the caller's scope, or null. */
  async find(user: AuthUser, id: string): Promise<WorkOrderObject | null> {
    return (await this.findMany(user, [id]))[0] ?? null;
  }

  /** Work orders of the caller's scope by id with their clocks, in two queries (the `_entities` resolver batches its stubs). */
  async findMany(user: AuthUser, ids: string[]): Promise<WorkOrderObject[]> {
    const rows = await scopeOf(user).rows(this.orm.em.fork(), WorkOrder, { id: { $in: ids }, ...departmentFilter(user) });
    return this.objects(rows, await this.deadlinesOf(rows.map((w) => w.id)));
  }

  async forComplaint(user: AuthUser, complaintId: string): Promise<WorkOrderObject[]> {
    const rows = await scopeOf(user).find(
      this.orm.em.fork(),
      WorkOrder,
      { complaintId, ...departmentFilter(user) },
      { orderBy: [{ lead: 'desc' }, { department: 'asc' }] },
    );
    return this.objects(rows, await this.deadlinesOf(rows.map((w) => w.id)));
  }

  /** The history of a work order the caller may see (the parent must lie within the scope). */
  async escalations(user: AuthUser, w: WorkOrderObject): Promise<EscalationObject[]> {
    const { id } = scopeOf(user).visible(w, 'work order', w.id);
    return (await this.orm.em.fork().find(Escalation, { workOrderId: id }, { orderBy: { at: 'asc', id: 'asc' } })).map(
      EscalationObject.from,
    );
  }

  async progress(user: AuthUser, w: WorkOrderObject): Promise<ProgressNoteObject[]> {
    const { id } = scopeOf(user).visible(w, 'work order', w.id);
    return (await this.orm.em.fork().find(ProgressNote, { workOrderId: id }, { orderBy: { at: 'asc', id: 'asc' } })).map(
      ProgressNoteObject.from,
    );
  }

  async extensions(user: AuthUser, w: WorkOrderObject): Promise<ExtensionObject[]> {
    const { id } = scopeOf(user).visible(w, 'work order', w.id);
    return (await this.orm.em.fork().find(Extension, { workOrderId: id }, { orderBy: { at: 'asc', id: 'asc' } })).map(ExtensionObject.from);
  }

  /** The finished rounds of a work order of the caller's scope, oldest first. */
  async rounds(user: AuthUser, w: WorkOrderObject): Promise<WorkOrderRoundObject[]> {
    const { id } = scopeOf(user).visible(w, 'work order', w.id);
    return (await this.orm.em.fork().find(WorkOrderRound, { workOrderId: id }, { orderBy: { round: 'asc' } })).map(
      WorkOrderRoundObject.from,
    );
  }

  isOverdue(w: WorkOrderObject): boolean {
    return !!w.nextDueAt && w.nextDueAt.getTime() <= this.clock.now().getTime();
  }

  /** The clocks of work orders already read within the caller's scope, as plain rows. */
  private async deadlinesOf(ids: string[]): Promise<Deadline[]> {
    if (!ids.length) return [];
    return plainRows(this.orm.em.fork(), Deadline, { workOrderId: { $in: ids } }, { orderBy: [{ dueAt: 'asc' }] });
  }

  /** Work orders with their clocks, the clocks grouped once (not searched per work order). */
  private objects(rows: WorkOrder[], deadlines: Deadline[]): WorkOrderObject[] {
    const byWorkOrder = new Map<string, Deadline[]>();
    for (const d of deadlines) {
      const list = byWorkOrder.get(d.workOrderId);
      if (list) list.push(d);
      else byWorkOrder.set(d.workOrderId, [d]);
    }
    return rows.map((w) => WorkOrderObject.from({ workOrder: w, deadlines: byWorkOrder.get(w.id) ?? [] }));
  }

  /** Department staff and heads see their own department's queue; managers see every department. */
  private queueDepartment(user: AuthUser, args: WorkOrdersArgs) {
    const own = departmentScope(user);
    if (own === null) return args.department;
    if (!own) throw forbidden('department staff need a "department" claim');
    if (args.department && args.department !== own) throw forbidden(`no access to the ${args.department} queue`);
    return own;
  }
}
