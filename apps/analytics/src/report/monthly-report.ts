import { Satisfaction, SlaClock, coverageOf, coverageRate } from '@pc/contracts';
import { satisfactionIndex } from '../survey/satisfaction-index';

export interface CountBy {
  key: string;
  count: number;
}

/** One pre-aggregated figure of one site and area (see the projection's `report_cube`). */
export interface CubeFigure {
  siteId: string;
  areaId: string;
  dim: string;
  key: string;
  n: number;
}

/** Open (not yet done) complaint callbacks with the same due time, in one site and area. */
export interface OpenCallbacks {
  siteId: string;
  areaId: string;
  dueAt: string;
  n: number;
}

/** Open callbacks of one site and area split as `callbackCoverage` splits them, at a moment. */
export interface CallbackSplit {
  siteId: string;
  areaId: string;
  missing: number;
  pending: number;
}

export interface ClockAttainment {
  clock: string;
  deadlines: number;
  metOnTime: number;
  metLate: number;
  breached: number;
  open: number;
  attainment: number | null;
}

export interface AcknowledgementFigures {
  count: number;
  /** Mean minutes from the message to its acknowledgement (null when none). */
  meanMinutes: number | null;
}

/** The figures of one scope (the group, one site, one area). */
export interface ReportFigures {
  /** Valid complaints received in the month. */
  complaints: number;
  invalid: number;
  resolvedAtIntake: number;
  resolved: number;
  closed: number;
  byCategory: CountBy[];
  bySeverity: CountBy[];
  byChannel: CountBy[];
  byDepartment: CountBy[];
  sla: Omit<ClockAttainment, 'clock'> & { byClock: ClockAttainment[] };
  escalations: { total: number; byLevel: CountBy[] };
  extensions: number;
  rework: { workOrders: number; rounds: number };
  penalties: { count: number; yuan: number };
  emergencies: number;
  /** The major complaints' 10-minute report to the asset-management head (the REPORT_TO_HEAD clock). */
  headReport: Omit<ClockAttainment, 'clock'>;
  /** Messages acknowledged in the month (domain.md §6), with the mean time their recipients took, per kind. */
  acknowledgements: AcknowledgementFigures & { byKind: (AcknowledgementFigures & { kind: string })[] };
  callbacks: {
    resolved: number;
    completed: number;
    onTime: number;
    late: number;
    unreachable: number;
    missing: number;
    pending: number;
    coverage: number | null;
  };
  satisfaction: CountBy[];
  satisfactionRate: number | null;
  repeatComplainantCount: number;
  repeatFiled: number;
  topCauses: CountBy[];
  /** The month's survey answers: responses, dissatisfied answers, and the index over the four-level answers (issue 31). */
  surveys: { responses: number; dissatisfied: number; answers: number; share: number | null; score: number | null };
}

export interface RepeatComplainant {
  siteId: string;
  areaId: string;
  customerId: string;
  complaints: number;
  repeat: boolean;
}

export interface CorrectiveAction {
  complaintId: string;
  workOrderId: string;
  siteId: string;
  areaId: string;
  department: string;
  cause: string | null;
  report: string;
  resolvedAt: string | null;
}

export interface SubmissionInfo {
  siteId: string;
  dueAt: string;
  submittedAt: string | null;
  submittedBy: string | null;
  commentary: string | null;
  flaggedAt: string | null;
}

export interface MonthlyReportData extends ReportFigures {
  month: string;
  siteId: string | null;
  areaId: string | null;
  bySite: (ReportFigures & { siteId: string })[];
  byArea: (ReportFigures & { siteId: string; areaId: string })[];
  repeatComplainants: { count: number; customers: RepeatComplainant[] };
  correctiveActions: CorrectiveAction[];
  /** When every site of the report has been submitted: the last submission; otherwise null. */
  submittedAt: string | null;
  submissions: SubmissionInfo[];
}

/** A site's figures as frozen at submission. */
export interface FrozenFigures {
  cube: CubeFigure[];
  callbacks: CallbackSplit[];
  repeatComplainants: RepeatComplainant[];
  correctiveActions: CorrectiveAction[];
}

const ratio = (n: number, d: number): number | null => (d === 0 ? null : Math.round((n / d) * 10_000) / 10_000);
const sortCounts = (list: CountBy[]): CountBy[] => list.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
const LEVELS = Object.values(Satisfaction) as string[];
const CLOCKS = Object.values(SlaClock) as string[];

/**
 * Splits open callbacks into missing and pending at `now` with the one coverage definition
 * (`callbackOutcome` in @pc/contracts), per site and area.
 */
export function splitOpenCallbacks(open: OpenCallbacks[], now: Date): CallbackSplit[] {
  const groups = new Map<string, OpenCallbacks[]>();
  for (const o of open) {
    const k = `${o.siteId}|${o.areaId}`;
    groups.set(k, [...(groups.get(k) ?? []), o]);
  }
  return [...groups.values()].map((list) => {
    const c = coverageOf(
      list.map((o) => ({ status: 'OPEN', dueAt: new Date(o.dueAt), weight: o.n })),
      now,
    );
    return { siteId: list[0].siteId, areaId: list[0].areaId, missing: c.missing, pending: c.pending };
  });
}

/** Adds up pre-aggregated figures (any subset of sites and areas) into a scope's figures. */
export function figuresOf(cube: CubeFigure[], split: CallbackSplit[]): ReportFigures {
  const sums = new Map<string, Map<string, number>>();
  for (const r of cube) {
    const dim = sums.get(r.dim) ?? new Map<string, number>();
    dim.set(r.key, (dim.get(r.key) ?? 0) + Number(r.n));
    sums.set(r.dim, dim);
  }
  const one = (dim: string, key = ''): number => sums.get(dim)?.get(key) ?? 0;
  const total = (dim: string): number => [...(sums.get(dim)?.values() ?? [])].reduce((a, b) => a + b, 0);
  const by = (dim: string): CountBy[] => sortCounts([...(sums.get(dim)?.entries() ?? [])].map(([key, count]) => ({ key, count })));

  const byClock = CLOCKS.map((clock): ClockAttainment => {
    const metOnTime = one('sla.MET_ON_TIME', clock);
    const metLate = one('sla.MET_LATE', clock);
    const breached = one('sla.BREACHED', clock);
    const open = one('sla.OPEN', clock);
    return {
      clock,
      deadlines: metOnTime + metLate + breached + open,
      metOnTime,
      metLate,
      breached,
      open,
      attainment: ratio(metOnTime, metOnTime + metLate + breached),
    };
  }).filter((c) => c.deadlines > 0);
  const sla = byClock.reduce(
    (a, c) => ({
      deadlines: a.deadlines + c.deadlines,
      metOnTime: a.metOnTime + c.metOnTime,
      metLate: a.metLate + c.metLate,
      breached: a.breached + c.breached,
      open: a.open + c.open,
    }),
    { deadlines: 0, metOnTime: 0, metLate: 0, breached: 0, open: 0 },
  );

  const { clock: _headClock, ...headReport } = byClock.find((c) => c.clock === (SlaClock.REPORT_TO_HEAD as string)) ?? {
    clock: SlaClock.REPORT_TO_HEAD,
    deadlines: 0,
    metOnTime: 0,
    metLate: 0,
    breached: 0,
    open: 0,
    attainment: null,
  };
  const minutes = (seconds: number, n: number): number | null => (n ? Math.round((seconds / n / 60) * 100) / 100 : null);
  const byKind = [...(sums.get('ack.count')?.entries() ?? [])]
    .map(([kind, count]) => ({ kind, count, meanMinutes: minutes(one('ack.seconds', kind), count) }))
    .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
  const acknowledged = total('ack.count');
  const acknowledgements = { count: acknowledged, meanMinutes: minutes(total('ack.seconds'), acknowledged), byKind };

  const done = one('callback.DONE');
  const onTime = one('callback.onTime');
  const missing = split.reduce((a, s) => a + s.missing, 0);
  const pending = split.reduce((a, s) => a + s.pending, 0);
  const callbacks = {
    resolved: done + one('callback.UNREACHABLE') + one('callback.OPEN'),
    completed: done,
    onTime,
    late: done - onTime,
    unreachable: one('callback.UNREACHABLE'),
    missing,
    pending,
  };
  const satisfaction = LEVELS.map((key) => ({ key, count: one('satisfaction', key) }));
  const answered = satisfaction.reduce((a, s) => a + s.count, 0);
  return {
    complaints: one('complaints'),
    invalid: one('invalid'),
    resolvedAtIntake: one('resolvedAtIntake'),
    resolved: one('resolved'),
    closed: one('closed'),
    byCategory: by('category'),
    bySeverity: by('severity'),
    byChannel: by('channel'),
    byDepartment: by('department'),
    sla: { ...sla, attainment: ratio(sla.metOnTime, sla.metOnTime + sla.metLate + sla.breached), byClock },
    escalations: { total: total('escalation'), byLevel: by('escalation') },
    extensions: one('extensions'),
    rework: { workOrders: one('rework'), rounds: one('reworkRounds') },
    penalties: { count: one('penalties'), yuan: one('penaltyYuan') },
    emergencies: one('emergencies'),
    headReport,
    acknowledgements,
    callbacks: { ...callbacks, coverage: coverageRate(callbacks) },
    satisfaction,
    satisfactionRate: ratio(answered - one('satisfaction', Satisfaction.DISSATISFIED), answered),
    repeatComplainantCount: one('repeatComplainants'),
    repeatFiled: one('repeatFiled'),
    topCauses: by('cause').slice(0, 10),
    surveys: {
      responses: one('surveyResponses'),
      dissatisfied: one('surveyDissatisfied'),
      ...satisfactionIndex({
        verySatisfied: one('surveyLevel', 'VERY_SATISFIED'),
        satisfied: one('surveyLevel', 'SATISFIED'),
        basicallySatisfied: one('surveyLevel', 'BASICALLY_SATISFIED'),
        dissatisfied: one('surveyDissatisfied'),
      }),
    },
  };
}

export interface ReportInput {
  month: string;
  siteId: string | null;
  areaId: string | null;
  cube: CubeFigure[];
  callbacks: CallbackSplit[];
  repeatComplainants: RepeatComplainant[];
  correctiveActions: CorrectiveAction[];
  submissions: SubmissionInfo[];
}

/**
 * domain.md §5 monthly complaint analysis (客户投诉分析报告表) for the scope, with the same figures per
 * site and per area (the roll-up is their sum).
 */
export function buildMonthlyReport(r: ReportInput): MonthlyReportData {
  const groupBy = <T extends { siteId: string; areaId: string }>(list: T[], key: (x: T) => string) => {
    const m = new Map<string, T[]>();
    for (const x of list) {
      const k = key(x);
      const bucket = m.get(k);
      if (bucket) bucket.push(x);
      else m.set(k, [x]);
    }
    return m;
  };
  const bySiteCube = groupBy(r.cube, (c) => c.siteId);
  const bySiteCalls = groupBy(r.callbacks, (c) => c.siteId);
  const areaKey = (x: { siteId: string; areaId: string }) => `${x.siteId}|${x.areaId}`;
  const byAreaCube = groupBy(
    r.cube.filter((c) => c.areaId),
    areaKey,
  );
  const byAreaCalls = groupBy(r.callbacks, areaKey);
  const submitted = r.submissions.length > 0 && r.submissions.every((s) => s.submittedAt);
  return {
    month: r.month,
    siteId: r.siteId,
    areaId: r.areaId,
    ...figuresOf(r.cube, r.callbacks),
    bySite: [...bySiteCube.keys()]
      .sort()
      .map((siteId) => ({ siteId, ...figuresOf(bySiteCube.get(siteId)!, bySiteCalls.get(siteId) ?? []) })),
    byArea: [...byAreaCube.keys()].sort().map((k) => {
      const [siteId, areaId] = k.split('|');
      return { siteId, areaId, ...figuresOf(byAreaCube.get(k)!, byAreaCalls.get(k) ?? []) };
    }),
    repeatComplainants: {
      count: r.cube.filter((c) => c.dim === 'repeatComplainants').reduce((a, c) => a + Number(c.n), 0),
      customers: r.repeatComplainants,
    },
    correctiveActions: r.correctiveActions,
    submittedAt: submitted
      ? r.submissions
          .map((s) => s.submittedAt!)
          .sort()
          .at(-1)!
      : null,
    submissions: r.submissions,
  };
}
