import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { AuthUser, Clock, scopeOf } from '@pc/platform';
import { decodeCursor, encodeCursor } from '@pc/subgraph';
import { afterKeyset } from '../keyset';
import { knexOf } from '../projection/projection.consumer';
import type { MonthlyComplaintConnection, MonthlyComplaintObject } from './dto/monthly-complaint.object';
import type { MonthlyComplaintsArgs, MonthlyReportArgs } from './dto/report.args';
import { buildMonthlyReport, type MonthlyReportData } from './monthly-report';
import { ReportReader } from './report.reader';

const orNull = (s: string | null | undefined): string | null => (s ? s : null);

/** The month's report and complaint list, read within the caller's organisation and sites. */
@Injectable()
export class ReportQueries {
  constructor(
    private readonly orm: MikroORM,
    private readonly clock: Clock,
  ) {}

  async monthlyReport(user: AuthUser, args: MonthlyReportArgs): Promise<MonthlyReportData> {
    const sites = scopeOf(user).siteIds(args.siteId);
    const input = await new ReportReader(knexOf(this.orm)).read(
      { orgId: user.org, sites, areaId: args.areaId },
      args.month,
      this.clock.now(),
    );
    const report = buildMonthlyReport({ ...input, siteId: args.siteId ?? null });
    return {
      ...report,
      repeatComplainants: {
        ...report.repeatComplainants,
        customers: report.repeatComplainants.customers.map((c) => ({ ...c, areaId: orNull(c.areaId)! })),
      },
      correctiveActions: report.correctiveActions.map((c) => ({ ...c, areaId: orNull(c.areaId)! })),
    };
  }

  /** Every valid complaint of the month with its handling, oldest first, as a cursor connection. */
  async monthlyComplaints(user: AuthUser, args: MonthlyComplaintsArgs): Promise<MonthlyComplaintConnection> {
    const db = knexOf(this.orm);
    const sites = scopeOf(user).siteIds(args.siteId);
    const first = args.first ?? 50;
    const q = db('complaint_fact').where({ org_id: user.org, month: args.month, valid: true });
    if (sites) q.whereIn('site_id', [...sites]);
    if (args.areaId) q.where('area_id', args.areaId);
    if (args.after) {
      const [at, id] = decodeCursor(args.after, 2);
      afterKeyset(q, ['received_at', 'complaint_id'], [at, id]);
    }
    const rows = (await q.orderBy(['received_at', 'complaint_id']).limit(first + 1)) as Record<string, unknown>[];
    const page = rows.slice(0, first);
    const ids = page.map((r) => String(r.complaint_id));
    const [departments, orders, deadlines, callbacks] = ids.length
      ? await Promise.all([
          db('complaint_department_fact').select('complaint_id', 'department', 'lead').whereIn('complaint_id', ids) as Promise<
            Record<string, unknown>[]
          >,
          db('work_order_fact').whereIn('complaint_id', ids).orderBy(['complaint_id', 'work_order_id']) as Promise<
            Record<string, unknown>[]
          >,
          db('deadline_fact')
            .select('complaint_id', 'outcome')
            .count({ n: '*' })
            .whereIn('complaint_id', ids)
            .groupBy('complaint_id', 'outcome') as Promise<Record<string, unknown>[]>,
          db('callback_fact').whereIn('case_id', ids).orderBy(['case_id', 'round']) as Promise<Record<string, unknown>[]>,
        ])
      : [[], [], [], []];
    const of = <T extends Record<string, unknown>>(list: T[], column: string, id: string) => list.filter((x) => x[column] === id);
    const edges = page.map((r) => {
      const id = String(r.complaint_id);
      const outcomes = new Map(of(deadlines, 'complaint_id', id).map((d) => [String(d.outcome), Number(d.n)]));
      const cb = of(callbacks, 'case_id', id).at(-1);
      const node: MonthlyComplaintObject = {
        complaintId: id,
        siteId: String(r.site_id),
        areaId: orNull(r.area_id as string),
        receivedAt: String(r.received_at),
        channel: String(r.channel),
        category: String(r.category),
        severity: String(r.severity),
        departments: of(departments, 'complaint_id', id)
          .sort((a, b) => Number(!!b.lead) - Number(!!a.lead) || String(a.department).localeCompare(String(b.department)))
          .map((d) => String(d.department)),
        resolvedAt: orNull(r.resolved_at as string),
        closedAt: orNull(r.closed_at as string),
        rounds: Number(r.rounds),
        cause: orNull(r.cause as string),
        handling: of(orders, 'complaint_id', id).map((w) => ({
          workOrderId: String(w.work_order_id),
          department: String(w.department),
          lead: !!w.lead,
          status: String(w.status),
          round: Number(w.round),
          plan: orNull(w.plan as string),
          handlerId: orNull(w.handler_id as string),
          resolution: orNull(w.resolution as string),
          resolvedAt: orNull(w.resolved_at as string),
          cause: orNull(w.cause as string),
          escalationLevel: String(w.escalation_level),
          extensions: Number(w.extensions),
        })),
        deadlinesMet: outcomes.get('MET_ON_TIME') ?? 0,
        deadlinesBreached: (outcomes.get('MET_LATE') ?? 0) + (outcomes.get('BREACHED') ?? 0),
        deadlinesOpen: outcomes.get('OPEN') ?? 0,
        callback: cb
          ? {
              round: Number(cb.round),
              status: String(cb.status),
              dueAt: String(cb.due_at),
              completedAt: orNull(cb.completed_at as string),
              satisfaction: orNull(cb.satisfaction as string),
            }
          : null,
      };
      return { cursor: encodeCursor(node.receivedAt, id), node };
    });
    return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}
