/**
 * The downloadable tables of the analytics read side (monthly report, the month's complaint list,
 * KPIs), built from the GraphQL answers, with column headers in Chinese or English. Pure: the
 * controller fetches, these shape, the writers (CSV, XLSX) write.
 */
export type Lang = 'zh' | 'en';
export type Cell = string | number | boolean | null;

export interface Column {
  key: string;
  zh: string;
  en: string;
}

export interface Table {
  /** Sheet name (XLSX); ignored in a CSV except as its section column. */
  name: { zh: string; en: string };
  columns: Column[];
  rows: Record<string, Cell>[];
}

export const col = (key: string, zh: string, en: string): Column => ({ key, zh, en });

export const headerOf = (c: Column, lang: Lang): string => (lang === 'zh' ? c.zh : c.en);

/** A CSV field: quoted when needed, and a leading = + - @ made inert so no spreadsheet runs it as a formula. */
export function csvField(v: Cell): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One table as CSV (RFC 4180, CRLF), with a UTF-8 byte-order mark so spreadsheet programs read Chinese right. */
export function toCsv(table: Table, lang: Lang): string {
  const lines = [table.columns.map((c) => csvField(headerOf(c, lang))).join(',')];
  for (const r of table.rows) lines.push(table.columns.map((c) => csvField(r[c.key] ?? null)).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Several tables in one CSV: each under a line with its name, a blank line between (one BOM at the start). */
export function toCsvSections(tables: Table[], lang: Lang): string {
  if (tables.length === 1) return toCsv(tables[0], lang);
  return `\uFEFF${tables.map((t) => `${csvField(t.name[lang])}\r\n${toCsv(t, lang).slice(1)}`).join('\r\n')}`;
}

// ------------------------------------------------------------------ monthly report

interface CountBy {
  key: string;
  count: number;
}

/** The figures of one scope as the export asks for them (see FIGURES). */
interface FiguresAnswer {
  complaints: number;
  invalid: number;
  resolvedAtIntake: number;
  resolved: number;
  bySeverity: CountBy[];
  sla: { attainment: number | null; breached: number };
  escalations: { total: number };
  callbacks: { resolved: number; completed: number; missing: number; pending: number; coverage: number | null };
  satisfactionRate: number | null;
  repeatComplainantCount: number;
}

/** `monthlyReport` as MONTHLY_REPORT_QUERY asks for it. */
export interface ReportAnswer extends FiguresAnswer {
  month: string;
  submittedAt: string | null;
  byCategory: CountBy[];
  byChannel: CountBy[];
  byDepartment: CountBy[];
  satisfaction: CountBy[];
  topCauses: CountBy[];
  sla: FiguresAnswer['sla'] & { byClock: Record<string, Cell>[] };
  escalations: { total: number; byLevel: CountBy[] };
  extensions: number;
  rework: { workOrders: number; rounds: number };
  penalties: { count: number; yuan: number };
  emergencies: number;
  surveys: { responses: number; dissatisfied: number; answers: number; share: number | null; score: number | null };
  acknowledgements: { byKind: { kind: string; count: number; meanMinutes: number | null }[] };
  bySite: (FiguresAnswer & { siteId: string })[];
  byArea: (FiguresAnswer & { siteId: string; areaId: string })[];
  repeatComplainants: { customers: Record<string, Cell>[] };
  correctiveActions: Record<string, Cell>[];
}

/** One node of `monthlyComplaints` as MONTHLY_COMPLAINTS_QUERY asks for it. */
export interface ComplaintNode {
  complaintId: string;
  siteId: string;
  areaId: string | null;
  receivedAt: string;
  channel: string;
  category: string;
  severity: string;
  departments: string[];
  resolvedAt: string | null;
  closedAt: string | null;
  rounds: number;
  cause: string | null;
  deadlinesMet: number;
  deadlinesBreached: number;
  deadlinesOpen: number;
  handling: { department: string; lead: boolean; plan: string | null; handlerId: string | null; resolution: string | null }[];
  callback: { status: string; satisfaction: string | null } | null;
}

export interface ComplaintsAnswer {
  monthlyComplaints: { edges: { node: ComplaintNode }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

const FIGURE_COLUMNS = [
  col('scope', '范围', 'Scope'),
  col('siteId', '项目', 'Site'),
  col('areaId', '片区', 'Area'),
  col('complaints', '有效投诉', 'Valid complaints'),
  col('invalid', '无效投诉', 'Invalid complaints'),
  col('resolvedAtIntake', '当场解决', 'Resolved at intake'),
  col('resolved', '已解决', 'Resolved'),
  col('major', '重大投诉', 'Major'),
  col('slaAttainment', '时限达成率', 'SLA attainment'),
  col('slaBreached', '超时未办', 'Deadlines breached'),
  col('escalations', '升级次数', 'Escalations'),
  col('callbacksOwed', '应回访', 'Callbacks owed'),
  col('callbacksCompleted', '已回访', 'Callbacks completed'),
  col('callbacksMissing', '漏访', 'Callbacks missing'),
  col('callbacksPending', '待回访', 'Callbacks pending'),
  col('callbackCoverage', '回访率', 'Callback coverage'),
  col('satisfactionRate', '满意率', 'Satisfaction rate'),
  col('repeatComplainants', '重复投诉客户', 'Repeat complainants'),
];

/** The figures of one scope as one row of the report's first sheet. */
function figureRow(scope: string, f: FiguresAnswer, siteId: string | null, areaId: string | null): Record<string, Cell> {
  return {
    scope,
    siteId,
    areaId,
    complaints: f.complaints,
    invalid: f.invalid,
    resolvedAtIntake: f.resolvedAtIntake,
    resolved: f.resolved,
    major: f.bySeverity.find((s) => s.key === 'MAJOR')?.count ?? 0,
    slaAttainment: f.sla.attainment,
    slaBreached: f.sla.breached,
    escalations: f.escalations.total,
    callbacksOwed: f.callbacks.resolved,
    callbacksCompleted: f.callbacks.completed,
    callbacksMissing: f.callbacks.missing,
    callbacksPending: f.callbacks.pending,
    callbackCoverage: f.callbacks.coverage,
    satisfactionRate: f.satisfactionRate,
    repeatComplainants: f.repeatComplainantCount,
  };
}

const FIGURES = `complaints invalid resolvedAtIntake resolved bySeverity { key count } sla { attainment breached }
  escalations { total } callbacks { resolved completed missing pending coverage } satisfactionRate repeatComplainantCount`;

export const MONTHLY_REPORT_QUERY = `query ExportMonthlyReport($month: String!, $siteId: ID, $areaId: ID) {
  monthlyReport(month: $month, siteId: $siteId, areaId: $areaId) {
    month submittedAt ${FIGURES}
    byCategory { key count } byChannel { key count } byDepartment { key count } satisfaction { key count } topCauses { key count }
    sla { byClock { clock deadlines metOnTime metLate breached open attainment } }
    escalations { byLevel { key count } } extensions rework { workOrders rounds } penalties { count yuan } emergencies
    surveys { responses dissatisfied answers share score }
    acknowledgements { byKind { kind count meanMinutes } }
    bySite { siteId ${FIGURES} }
    byArea { siteId areaId ${FIGURES} }
    repeatComplainants { customers { siteId areaId customerId complaints repeat } }
    correctiveActions { complaintId workOrderId siteId department cause report resolvedAt }
  }
}`;

/** The monthly complaint analysis report (客户投诉分析报告表) as tables: figures per scope, breakdowns, clocks, lists. */
export function monthlyReportTables(r: ReportAnswer): Table[] {
  const figures: Table = {
    name: { zh: '汇总', en: 'Figures' },
    columns: FIGURE_COLUMNS,
    rows: [
      figureRow('GROUP', r, null, null),
      ...r.bySite.map((s) => figureRow('SITE', s, s.siteId, null)),
      ...r.byArea.map((a) => figureRow('AREA', a, a.siteId, a.areaId)),
    ],
  };
  const breakdown = (dim: string, list: CountBy[]) => list.map((x) => ({ dimension: dim, key: x.key, count: x.count }));
  const extra: Record<string, Cell>[] = [
    { dimension: 'EXTENSIONS', key: '', count: r.extensions },
    { dimension: 'REWORK_WORK_ORDERS', key: '', count: r.rework.workOrders },
    { dimension: 'REWORK_ROUNDS', key: '', count: r.rework.rounds },
    { dimension: 'PENALTIES', key: '', count: r.penalties.count },
    { dimension: 'PENALTY_YUAN', key: '', count: r.penalties.yuan },
    { dimension: 'EMERGENCIES', key: '', count: r.emergencies },
    // issue 31: the month's survey answers and their satisfaction index
    { dimension: 'SURVEY_RESPONSES', key: '', count: r.surveys.responses },
    { dimension: 'SURVEY_DISSATISFIED', key: '', count: r.surveys.dissatisfied },
    { dimension: 'SURVEY_SATISFIED_SHARE', key: '', count: r.surveys.share },
    { dimension: 'SURVEY_SCORE', key: '', count: r.surveys.score },
    // domain.md §6: messages acknowledged per kind, and the mean minutes their recipients took
    ...r.acknowledgements.byKind.map((k) => ({ dimension: 'ACKNOWLEDGED', key: k.kind, count: k.count })),
    ...r.acknowledgements.byKind.map((k) => ({ dimension: 'ACK_MEAN_MINUTES', key: k.kind, count: k.meanMinutes })),
  ];
  return [
    figures,
    {
      name: { zh: '分类统计', en: 'Breakdowns' },
      columns: [col('dimension', '维度', 'Dimension'), col('key', '项目', 'Item'), col('count', '数量', 'Count')],
      rows: [
        ...breakdown('CATEGORY', r.byCategory),
        ...breakdown('CHANNEL', r.byChannel),
        ...breakdown('DEPARTMENT', r.byDepartment),
        ...breakdown('SATISFACTION', r.satisfaction),
        ...breakdown('TOP_CAUSE', r.topCauses),
        ...breakdown('ESCALATION_LEVEL', r.escalations.byLevel),
        ...extra,
      ],
    },
    {
      name: { zh: '时限达成', en: 'SLA by clock' },
      columns: [
        col('clock', '时限', 'Clock'),
        col('deadlines', '总数', 'Deadlines'),
        col('metOnTime', '按时完成', 'Met on time'),
        col('metLate', '超时完成', 'Met late'),
        col('breached', '超时未办', 'Breached'),
        col('open', '进行中', 'Open'),
        col('attainment', '达成率', 'Attainment'),
      ],
      rows: r.sla.byClock,
    },
    {
      name: { zh: '重复投诉客户', en: 'Repeat complainants' },
      columns: [
        col('siteId', '项目', 'Site'),
        col('areaId', '片区', 'Area'),
        col('customerId', '客户编号', 'Customer'),
        col('complaints', '投诉次数', 'Complaints'),
        col('repeat', '重复未解决', 'Rule-A repeat'),
      ],
      rows: r.repeatComplainants.customers,
    },
    {
      name: { zh: '纠正措施', en: 'Corrective actions' },
      columns: [
        col('complaintId', '投诉编号', 'Complaint'),
        col('siteId', '项目', 'Site'),
        col('department', '部门', 'Department'),
        col('cause', '原因', 'Cause'),
        col('report', '纠正措施', 'Corrective action'),
        col('resolvedAt', '解决时间', 'Resolved at'),
      ],
      rows: r.correctiveActions,
    },
  ];
}

// ------------------------------------------------------------------ the month's complaint list

export const MONTHLY_COMPLAINTS_QUERY = `query ExportMonthlyComplaints($month: String!, $siteId: ID, $areaId: ID, $after: String) {
  monthlyComplaints(month: $month, siteId: $siteId, areaId: $areaId, first: 100, after: $after) {
    edges { node { complaintId siteId areaId receivedAt channel category severity departments resolvedAt closedAt rounds cause
      deadlinesMet deadlinesBreached deadlinesOpen
      handling { department lead plan handlerId resolution }
      callback { status satisfaction } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const COMPLAINT_COLUMNS = [
  col('complaintId', '投诉编号', 'Complaint'),
  col('siteId', '项目', 'Site'),
  col('areaId', '片区', 'Area'),
  col('receivedAt', '受理时间', 'Received at'),
  col('channel', '渠道', 'Channel'),
  col('category', '类别', 'Category'),
  col('severity', '性质', 'Severity'),
  col('departments', '处理部门', 'Departments'),
  col('plan', '处理方案', 'Handling plan'),
  col('handler', '处理人', 'Handler'),
  col('resolution', '处理结果', 'Resolution'),
  col('resolvedAt', '解决时间', 'Resolved at'),
  col('closedAt', '关闭时间', 'Closed at'),
  col('rounds', '整改轮次', 'Rounds'),
  col('cause', '原因', 'Cause'),
  col('deadlinesMet', '按时', 'Deadlines met'),
  col('deadlinesBreached', '超时', 'Deadlines breached'),
  col('deadlinesOpen', '未到期', 'Deadlines open'),
  col('callbackStatus', '回访状态', 'Callback'),
  col('satisfaction', '满意度', 'Satisfaction'),
];

/** One complaint of the month as one row (the lead department's plan, handler and resolution). */
export function complaintRow(n: ComplaintNode): Record<string, Cell> {
  const lead = n.handling.find((h) => h.lead) ?? n.handling[0];
  return {
    complaintId: n.complaintId,
    siteId: n.siteId,
    areaId: n.areaId,
    receivedAt: n.receivedAt,
    channel: n.channel,
    category: n.category,
    severity: n.severity,
    departments: n.departments.join(' / '),
    plan: lead?.plan ?? null,
    handler: lead?.handlerId ?? null,
    resolution: lead?.resolution ?? null,
    resolvedAt: n.resolvedAt,
    closedAt: n.closedAt,
    rounds: n.rounds,
    cause: n.cause,
    deadlinesMet: n.deadlinesMet,
    deadlinesBreached: n.deadlinesBreached,
    deadlinesOpen: n.deadlinesOpen,
    callbackStatus: n.callback?.status ?? null,
    satisfaction: n.callback?.satisfaction ?? null,
  };
}

// ------------------------------------------------------------------ KPIs

export const KPI_QUERY = `query ExportKpis($from: String!, $to: String!, $bucket: KpiBucket!, $siteId: ID, $areaId: ID, $category: Category, $department: Department) {
  kpis(from: $from, to: $to, bucket: $bucket, siteId: $siteId, areaId: $areaId, category: $category, department: $department) {
    period complaints slaDeadlines slaMetOnTime slaAttainment callbacksOwed callbacksCompleted callbackCoverage satisfactionRate
    repeatComplaints repeatRate medianHoursToPlan medianHoursToResolve
  }
}`;

export const KPI_COLUMNS = [
  col('period', '时段', 'Period'),
  col('complaints', '有效投诉', 'Complaints'),
  col('slaDeadlines', '时限总数', 'Deadlines'),
  col('slaMetOnTime', '按时完成', 'Met on time'),
  col('slaAttainment', '时限达成率', 'SLA attainment'),
  col('callbacksOwed', '应回访', 'Callbacks owed'),
  col('callbacksCompleted', '已回访', 'Callbacks completed'),
  col('callbackCoverage', '回访率', 'Callback coverage'),
  col('satisfactionRate', '满意率', 'Satisfaction rate'),
  col('repeatComplaints', '重复投诉', 'Repeat complaints'),
  col('repeatRate', '重复率', 'Repeat rate'),
  col('medianHoursToPlan', '方案中位时长(小时)', 'Median hours to plan'),
  col('medianHoursToResolve', '解决中位时长(小时)', 'Median hours to resolve'),
];

/** A relationship plan as intake answers it (domain.md §7). */
export interface PlanAnswer {
  period: string;
  goals: string[];
  budgetYuan: number;
  activities: {
    title: string;
    kind: string;
    plannedOn: string;
    budgetYuan: number;
    done: boolean;
    spentYuan: number;
    signedUp: number;
    attended: number;
    note?: string | null;
  }[];
  summary: {
    activitiesPlanned: number;
    activitiesDone: number;
    activityBudgetYuan: number;
    spentYuan: number;
    signedUp: number;
    attended: number;
  };
}

export const RELATIONSHIP_PLANS_QUERY = `query ExportPlans($siteId: ID!, $year: Int!) { relationshipPlans(siteId: $siteId, year: $year) {
  period goals budgetYuan activities { title kind plannedOn budgetYuan done spentYuan signedUp attended note }
  summary { activitiesPlanned activitiesDone activityBudgetYuan spentYuan signedUp attended } } }`;

const PLAN_SUMMARY_COLUMNS = [
  col('period', '期间', 'Period'),
  col('goals', '目标', 'Goals'),
  col('budgetYuan', '预算（元）', 'Budget (yuan)'),
  col('activityBudgetYuan', '活动预算（元）', 'Activities budgeted (yuan)'),
  col('spentYuan', '已支出（元）', 'Spent (yuan)'),
  col('activitiesPlanned', '计划活动', 'Activities planned'),
  col('activitiesDone', '已完成活动', 'Activities done'),
  col('signedUp', '报名人数', 'Signed up'),
  col('attended', '参加人数', 'Attended'),
];
const PLAN_ACTIVITY_COLUMNS = [
  col('period', '期间', 'Period'),
  col('plannedOn', '计划日期', 'Planned on'),
  col('title', '活动', 'Activity'),
  col('kind', '类型', 'Kind'),
  col('budgetYuan', '预算（元）', 'Budget (yuan)'),
  col('done', '已完成', 'Done'),
  col('spentYuan', '支出（元）', 'Spent (yuan)'),
  col('signedUp', '报名', 'Signed up'),
  col('attended', '参加', 'Attended'),
  col('note', '备注', 'Note'),
];

/** A site's relationship plans of a year: one row per plan with what was done against it, and every activity. */
export function relationshipPlanTables(plans: PlanAnswer[]): Table[] {
  return [
    {
      name: { zh: '计划执行情况', en: 'Plans against what was done' },
      columns: PLAN_SUMMARY_COLUMNS,
      rows: plans.map((p) => ({ period: p.period, goals: p.goals.join('；'), budgetYuan: p.budgetYuan, ...p.summary })),
    },
    {
      name: { zh: '活动', en: 'Activities' },
      columns: PLAN_ACTIVITY_COLUMNS,
      rows: plans.flatMap((p) => p.activities.map((a) => ({ period: p.period, ...a, done: a.done ? 1 : 0, note: a.note ?? null }))),
    },
  ];
}
