import type { Knex } from '@mikro-orm/knex';
import {
  splitOpenCallbacks,
  type CorrectiveAction,
  type CubeFigure,
  type FrozenFigures,
  type OpenCallbacks,
  type RepeatComplainant,
  type ReportInput,
  type SubmissionInfo,
} from './monthly-report';

/** Which sites and area a read covers: `sites` undefined = every site of the organisation. */
export interface ReadScope {
  orgId: string;
  sites?: readonly string[];
  areaId?: string | null;
}

type Query = Knex.QueryBuilder;

/** At most this many named repeat complainants and corrective actions per report (the counts are complete). */
export const LIST_LIMIT = 200;

/**
 * Reads a month's report from the pre-aggregated rows (sums, never rows per complaint), with the sites
 * whose report was submitted read from their frozen snapshot instead.
 */
export class ReportReader {
  constructor(private readonly db: Knex) {}

  private scoped(q: Query, s: ReadScope, month: string, sites: readonly string[] | undefined, exclude: string[] = []): Query {
    q.where({ org_id: s.orgId, month });
    if (sites) q.whereIn('site_id', [...sites]);
    if (exclude.length) q.whereNotIn('site_id', exclude);
    if (s.areaId) q.where('area_id', s.areaId);
    return q;
  }

  async submissions(s: ReadScope, month: string): Promise<(SubmissionInfo & { snapshot: string | null })[]> {
    const q = this.db('report_submission').select(
      'site_id',
      'due_at',
      'submitted_at',
      'submitted_by',
      'commentary',
      'flagged_at',
      'snapshot',
    );
    q.where({ org_id: s.orgId, month });
    if (s.sites) q.whereIn('site_id', [...s.sites]);
    const rows = (await q.orderBy('site_id')) as Record<string, string | null>[];
    return rows.map((r) => ({
      siteId: r.site_id!,
      dueAt: r.due_at!,
      submittedAt: r.submitted_at,
      submittedBy: r.submitted_by,
      commentary: r.commentary,
      flaggedAt: r.flagged_at,
      snapshot: r.snapshot,
    }));
  }

  /** The live figures of the sites (not yet submitted) at `now`. */
  async live(s: ReadScope, month: string, now: Date, sites: readonly string[] | undefined, exclude: string[] = []): Promise<FrozenFigures> {
    const [cube, open, repeat, corrective] = await Promise.all([
      this.scoped(this.db('report_cube').select('site_id', 'area_id', 'dim', 'key').sum({ n: 'n' }), s, month, sites, exclude).groupBy(
        'site_id',
        'area_id',
        'dim',
        'key',
      ) as Promise<{ site_id: string; area_id: string; dim: string; key: string; n: string | number }[]>,
      this.scoped(this.db('callback_fact').select('site_id', 'area_id', 'due_at').count({ n: '*' }), s, month, sites, exclude)
        .where({ kind: 'COMPLAINT', status: 'OPEN' })
        .groupBy('site_id', 'area_id', 'due_at') as Promise<{ site_id: string; area_id: string; due_at: string; n: string | number }[]>,
      this.scoped(this.db('customer_month').select('site_id', 'area_id', 'customer_id', 'complaints', 'repeat'), s, month, sites, exclude)
        .where('flagged', true)
        .orderBy([{ column: 'complaints', order: 'desc' }, 'site_id', 'customer_id'])
        .limit(LIST_LIMIT) as Promise<
        { site_id: string; area_id: string; customer_id: string; complaints: number; repeat: boolean | number }[]
      >,
      this.scoped(
        this.db('work_order_fact').select(
          'complaint_id',
          'work_order_id',
          'site_id',
          'area_id',
          'department',
          'cause',
          'corrective_action_report',
          'resolved_at',
        ),
        s,
        month,
        sites,
        exclude,
      )
        .where('severity', 'MAJOR')
        .whereNotNull('corrective_action_report')
        .orderBy(['resolved_at', 'work_order_id'])
        .limit(LIST_LIMIT) as Promise<Record<string, string | null>[]>,
    ]);
    const openCallbacks: OpenCallbacks[] = open.map((o) => ({ siteId: o.site_id, areaId: o.area_id, dueAt: o.due_at, n: Number(o.n) }));
    return {
      cube: cube.map((c): CubeFigure => ({ siteId: c.site_id, areaId: c.area_id, dim: c.dim, key: c.key, n: Number(c.n) })),
      callbacks: splitOpenCallbacks(openCallbacks, now),
      repeatComplainants: repeat.map((r): RepeatComplainant => ({
        siteId: r.site_id,
        areaId: r.area_id,
        customerId: r.customer_id,
        complaints: Number(r.complaints),
        repeat: !!r.repeat,
      })),
      correctiveActions: corrective.map((r): CorrectiveAction => ({
        complaintId: r.complaint_id!,
        workOrderId: r.work_order_id!,
        siteId: r.site_id!,
        areaId: r.area_id!,
        department: r.department!,
        cause: r.cause,
        report: r.corrective_action_report!,
        resolvedAt: r.resolved_at,
      })),
    };
  }

  /** The report's input: submitted sites from their snapshots, the others live. */
  async read(s: ReadScope, month: string, now: Date): Promise<ReportInput & { siteId: null }> {
    const submissions = await this.submissions(s, month);
    const frozen = submissions.filter((x) => x.submittedAt && x.snapshot);
    const parts: FrozenFigures[] = [
      await this.live(
        s,
        month,
        now,
        s.sites,
        frozen.map((f) => f.siteId),
      ),
    ];
    const inArea = <T extends { areaId: string }>(x: T) => !s.areaId || x.areaId === s.areaId;
    for (const f of frozen) {
      const snap = JSON.parse(f.snapshot!) as FrozenFigures;
      parts.push({
        cube: snap.cube.filter(inArea),
        callbacks: snap.callbacks.filter(inArea),
        repeatComplainants: snap.repeatComplainants.filter(inArea),
        correctiveActions: snap.correctiveActions.filter(inArea),
      });
    }
    return {
      month,
      siteId: null,
      areaId: s.areaId ?? null,
      cube: parts.flatMap((p) => p.cube),
      callbacks: parts.flatMap((p) => p.callbacks),
      repeatComplainants: parts
        .flatMap((p) => p.repeatComplainants)
        .sort((a, b) => b.complaints - a.complaints || a.siteId.localeCompare(b.siteId) || a.customerId.localeCompare(b.customerId))
        .slice(0, LIST_LIMIT),
      correctiveActions: parts.flatMap((p) => p.correctiveActions).slice(0, LIST_LIMIT),
      submissions: submissions.map(({ snapshot: _snapshot, ...rest }) => rest),
    };
  }
}
