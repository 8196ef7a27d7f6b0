import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { Knex } from '@mikro-orm/knex';
import { AuthUser, invalidInput, scopeOf } from '@pc/platform';
import { whereExistsIn } from '../keyset';
import { knexOf } from '../projection/projection.consumer';
import { isPostgresKnex } from '../projection/read-model-store';
import { KpiBucket, type KpiArgs, type KpiPointObject } from './kpi.dto';

const COLUMN: Record<KpiBucket, string> = { DAY: 'day', WEEK: 'week', MONTH: 'month' };
/** The longest series per bucket (days): a year of days, three years of weeks or months. */
const MAX_SPAN_DAYS: Record<KpiBucket, number> = { DAY: 400, WEEK: 1100, MONTH: 1100 };

const ratio = (n: number, d: number): number | null => (d === 0 ? null : Math.round((n / d) * 10_000) / 10_000);

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const hours = (minutes: number | null): number | null => (minutes === null ? null : Math.round((minutes / 60) * 100) / 100);

type Row = Record<string, unknown>;

/**
 * KPIs over time for BI tools, aggregated in the database per bucket: volumes, SLA attainment,
 * callback coverage, satisfaction rate, repeat rate, the median times to plan and to resolve, the
 * 10-minute reports to the head made in time, and the median time to acknowledge a message.
 */
@Injectable()
export class KpiQueries {
  constructor(private readonly orm: MikroORM) {}

  async kpis(user: AuthUser, a: KpiArgs): Promise<KpiPointObject[]> {
    if (a.from > a.to) throw invalidInput('to', 'must not be before from');
    const span = (Date.parse(a.to) - Date.parse(a.from)) / 86_400_000;
    if (span > MAX_SPAN_DAYS[a.bucket]) throw invalidInput('to', `a ${a.bucket} series spans at most ${MAX_SPAN_DAYS[a.bucket]} days`);
    const db = knexOf(this.orm);
    const sites = scopeOf(user).siteIds(a.siteId);
    const period = COLUMN[a.bucket];
    /** The caller's scope and the filters, on a table aliased `t` (complaint filters through the complaint). */
    const filter = (q: Knex.QueryBuilder, complaintColumn: string, own: { category?: boolean; department?: string }) => {
      q.where('t.org_id', user.org).whereBetween('t.day', [a.from, a.to]);
      if (sites) q.whereIn('t.site_id', [...sites]);
      if (a.areaId) q.where('t.area_id', a.areaId);
      if (a.category) {
        if (own.category) q.where('t.category', a.category);
        else whereExistsIn(q, db, 'complaint_fact as f', `f.complaint_id = t.${complaintColumn}`, 'f.category', a.category);
      }
      if (a.department) {
        if (own.department) q.where(`t.${own.department}`, a.department);
        else whereExistsIn(q, db, 'complaint_department_fact as d', `d.complaint_id = t.${complaintColumn}`, 'd.department', a.department);
      }
      return q;
    };
    const postgres = isPostgresKnex(db);

    const complaints = filter(
      db('complaint_fact as t')
        .select(`t.${period} as period`)
        .count({ complaints: '*' })
        .select(db.raw('sum(case when t.repeat = ? then 1 else 0 end) as repeats', [true]))
        .where('t.valid', true),
      'complaint_id',
      { category: true },
    ).groupBy(`t.${period}`);
    if (postgres) {
      complaints.select(
        db.raw('percentile_cont(0.5) within group (order by t.plan_minutes) as plan_median'),
        db.raw('percentile_cont(0.5) within group (order by t.resolve_minutes) as resolve_median'),
      );
    }
    const deadlines = filter(
      db('deadline_fact as t')
        .select(`t.${period} as period`)
        .select(
          db.raw(`sum(case when t.outcome = 'MET_ON_TIME' then 1 else 0 end) as on_time`),
          db.raw(`sum(case when t.outcome in ('MET_ON_TIME', 'MET_LATE', 'BREACHED') then 1 else 0 end) as decided`),
          db.raw(`sum(case when t.clock = 'REPORT_TO_HEAD' and t.outcome = 'MET_ON_TIME' then 1 else 0 end) as head_on_time`),
          db.raw(
            `sum(case when t.clock = 'REPORT_TO_HEAD' and t.outcome in ('MET_ON_TIME', 'MET_LATE', 'BREACHED') then 1 else 0 end) as head_decided`,
          ),
        )
        .count({ deadlines: '*' })
        .whereNot('t.outcome', 'CANCELLED'),
      'complaint_id',
      { category: true, department: 'department' },
    ).groupBy(`t.${period}`);
    const callbacks = filter(
      db('callback_fact as t')
        .select(`t.${period} as period`)
        .count({ owed: '*' })
        .select(
          db.raw(`sum(case when t.status = 'DONE' then 1 else 0 end) as done`),
          db.raw(`sum(case when t.status = 'DONE' and t.satisfaction <> 'DISSATISFIED' then 1 else 0 end) as satisfied`),
        )
        .where('t.kind', 'COMPLAINT'),
      'case_id',
      {},
    ).groupBy(`t.${period}`);
    // acknowledgements carry no area or category of their own: those filters go through their complaint
    const acknowledgements = db('acknowledgement_fact as t')
      .select(`t.${period} as period`)
      .count({ acknowledged: '*' })
      .where('t.org_id', user.org)
      .whereBetween('t.day', [a.from, a.to])
      .groupBy(`t.${period}`);
    if (sites) acknowledgements.whereIn('t.site_id', [...sites]);
    for (const [column, value] of [
      ['f.area_id', a.areaId],
      ['f.category', a.category],
    ] as const) {
      if (value) whereExistsIn(acknowledgements, db, 'complaint_fact as f', 'f.complaint_id = t.complaint_id', column, value);
    }
    if (a.department) {
      whereExistsIn(
        acknowledgements,
        db,
        'complaint_department_fact as d',
        'd.complaint_id = t.complaint_id',
        'd.department',
        a.department,
      );
    }
    if (postgres) acknowledgements.select(db.raw('percentile_cont(0.5) within group (order by t.seconds) as ack_median'));
    else acknowledgements.select(db.raw(`group_concat(t.seconds) as ack_seconds`));
    const [c, d, cb, ak] = (await Promise.all([complaints, deadlines, callbacks, acknowledgements])) as Row[][];
    const ackMedian = (r: Row): number | null => {
      const seconds = postgres
        ? numOrNull(r.ack_median)
        : median(
            (typeof r.ack_seconds === 'string' ? r.ack_seconds : String(Number(r.ack_seconds ?? 0) || ''))
              .split(',')
              .filter(Boolean)
              .map(Number),
          );
      return seconds === null ? null : Math.round((seconds / 60) * 100) / 100;
    };

    // SQLite has no percentile_cont: the medians come from the durations of the bucket
    const medians = new Map<string, { plan: number | null; resolve: number | null }>();
    if (postgres) {
      for (const r of c) medians.set(String(r.period), { plan: numOrNull(r.plan_median), resolve: numOrNull(r.resolve_median) });
    } else {
      const rows = (await filter(
        db('complaint_fact as t').select(`t.${period} as period`, 't.plan_minutes', 't.resolve_minutes').where('t.valid', true),
        'complaint_id',
        { category: true },
      )) as Row[];
      const groups = new Map<string, Row[]>();
      for (const r of rows) groups.set(String(r.period), [...(groups.get(String(r.period)) ?? []), r]);
      for (const [p, list] of groups) {
        const values = (col: string) =>
          list
            .map((r) => r[col])
            .filter((v) => v !== null && v !== undefined)
            .map(Number);
        medians.set(p, { plan: median(values('plan_minutes')), resolve: median(values('resolve_minutes')) });
      }
    }

    const periods = [...new Set([...c, ...d, ...cb, ...ak].map((r) => String(r.period)))].sort();
    const at = (list: Row[], p: string) => list.find((r) => String(r.period) === p) ?? {};
    return periods.map((p) => {
      const cr = at(c, p);
      const dr = at(d, p);
      const br = at(cb, p);
      const kr = at(ak, p);
      const complaintsN = Number(cr.complaints ?? 0);
      const repeats = Number(cr.repeats ?? 0);
      const done = Number(br.done ?? 0);
      const owed = Number(br.owed ?? 0);
      const m = medians.get(p);
      return {
        period: p,
        complaints: complaintsN,
        slaDeadlines: Number(dr.deadlines ?? 0),
        slaMetOnTime: Number(dr.on_time ?? 0),
        slaAttainment: ratio(Number(dr.on_time ?? 0), Number(dr.decided ?? 0)),
        callbacksOwed: owed,
        callbacksCompleted: done,
        callbackCoverage: ratio(done, owed),
        satisfactionRate: ratio(Number(br.satisfied ?? 0), done),
        repeatComplaints: repeats,
        repeatRate: ratio(repeats, complaintsN),
        medianHoursToPlan: hours(m?.plan ?? null),
        medianHoursToResolve: hours(m?.resolve ?? null),
        headReportsDecided: Number(dr.head_decided ?? 0),
        headReportsOnTime: Number(dr.head_on_time ?? 0),
        headReportAttainment: ratio(Number(dr.head_on_time ?? 0), Number(dr.head_decided ?? 0)),
        acknowledgements: Number(kr.acknowledged ?? 0),
        medianMinutesToAcknowledge: kr.acknowledged ? ackMedian(kr) : null,
      };
    });
  }
}

const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
