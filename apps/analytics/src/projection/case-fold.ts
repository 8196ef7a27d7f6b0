import { createHash } from 'node:crypto';
import {
  CallbackKind,
  Satisfaction,
  SeverityChangeReason,
  Severity,
  SlaClock,
  WorkOrderStatus,
  type CallbackCompletedV1,
  type CallbackScheduledV1,
  type CallbackUnreachableV1,
  type ComplaintClosedV1,
  type ComplaintRejectedV1,
  type ComplaintResolvedAtIntakeV1,
  type ComplaintResolvedV1,
  type ComplaintSeverityChangedV1,
  type ContractorPenaltyAmountSetV1,
  type ContractorPenalizedV1,
  type DeadlineV1,
  type EmergencyReportedV1,
  type NotificationAcknowledgedV1,
  type IntakeRecordV1,
  type SiteSavedV1,
  type SlaBreachedV1,
  type SurveyAnsweredV1,
  type SurveyOpenedV1,
  QuestionKind,
  type WorkOrderCreatedV1,
  type WorkOrderEscalatedV1,
  type WorkOrderRecordedV1,
  type WorkOrderReopenedV1,
  type WorkOrderResolvedV1,
} from '@pc/contracts';
import { DEFAULT_TIME_ZONE, localDate } from '@pc/calendar';

/** One event as analytics keeps it (the payload already validated against its contract). */
export interface StoredEvent {
  eventId: string;
  subject: string;
  orgId: string;
  occurredAt: string;
  actor: string;
  channel?: string | null;
  payload: Record<string, unknown>;
}

/** The case an event belongs to: complaints (and their work orders, clocks, callbacks), services, or a standalone record. */
export function caseKeyOf(subject: string, p: Record<string, unknown>): string {
  switch (subject) {
    case 'contractor.penalized':
    case 'contractor.penalty_amount_set':
      return `penalty:${String(p.penaltyId)}`;
    case 'emergency.reported':
      return `emergency:${String(p.emergencyId)}`;
    case 'notification.acknowledged': // in its complaint's trail; a message about no case stands alone
      return typeof p.complaintId === 'string' ? p.complaintId : `ack:${String(p.notificationId)}`;
    case 'survey.answered':
      return `survey:${String(p.responseId)}`;
    case 'survey.opened':
      return `survey-campaign:${String(p.surveyId)}`; // 16 + an id of at most 64: within CASE_KEY_MAX, and its rows are found by it
    case 'survey.follow_up_overdue':
      return bounded(`survey-follow-up:${String(p.followUpId)}`);
    case 'survey.answer_published':
      return bounded(`survey-answer:${String(p.answerId)}`);
    case 'committee.meeting_overdue':
      return bounded(`committee:${String(p.siteId)}:${String(p.month)}`);
    case 'resident.message_requested': // a case's link in its trail; a notice's message stands alone
      return typeof p.complaintId === 'string' ? p.complaintId : bounded(`resident-message:${String(p.sourceKey)}`);
    case 'registry.site_saved':
      return `site:${String(p.siteId)}`;
    case 'registry.customer_saved':
      return `customer:${String(p.customerId)}`;
    case 'registry.staff_saved':
      return `staff:${String(p.staffId)}`;
    case 'customer.contacted': // in its case's trail; a contact about no case stands alone
      return typeof p.caseId === 'string' ? p.caseId : `contact:${String(p.source)}:${String(p.sourceId)}`;
    case 'service.requested':
    case 'service.overdue':
    case 'service.completed':
      return String(p.serviceId);
    case 'report.submitted':
    case 'report.overdue':
      return `report:${String(p.siteId)}:${String(p.month)}`;
    default:
      // an event of no case (a contract added later without a key above) stands alone, never in one shared case
      return typeof p.complaintId === 'string' ? p.complaintId : `${subject}:${createHash('sha1').update(JSON.stringify(p)).digest('hex')}`;
  }
}

/** The longest case key the store keeps (`analytics_event.case_id`). */
export const CASE_KEY_MAX = 80;

/** A key that may run long (a message's source key) kept within CASE_KEY_MAX: longer, its prefix and a hash. */
function bounded(key: string): string {
  return key.length <= CASE_KEY_MAX ? key : `${key.slice(0, key.indexOf(':'))}:${createHash('sha1').update(key).digest('hex')}`;
}

export const workOrderIdOf = (p: Record<string, unknown>): string | null => (typeof p.workOrderId === 'string' ? p.workOrderId : null);

// ---------------------------------------------------------------- rows (camelCase; the store maps them to columns)

export interface ComplaintRow {
  complaintId: string;
  orgId: string;
  siteId: string;
  areaId: string;
  customerId: string | null;
  month: string;
  day: string;
  week: string;
  receivedAt: string;
  valid: boolean;
  category: string;
  severity: string;
  channel: string;
  leadDepartment: string;
  resolvedAtIntake: boolean;
  repeat: boolean;
  resolvedAt: string | null;
  closedAt: string | null;
  rounds: number;
  planMinutes: number | null;
  resolveMinutes: number | null;
  cause: string | null;
}

export interface DepartmentRow {
  complaintId: string;
  department: string;
  orgId: string;
  siteId: string;
  areaId: string;
  month: string;
  lead: boolean;
  valid: boolean;
}

export interface WorkOrderRow {
  workOrderId: string;
  complaintId: string;
  orgId: string;
  siteId: string;
  areaId: string;
  month: string;
  severity: string;
  category: string;
  department: string;
  lead: boolean;
  status: string;
  round: number;
  revision: number;
  escalationLevel: string;
  escalations: number;
  extensions: number;
  plan: string | null;
  handlerId: string | null;
  resolvedAt: string | null;
  resolution: string | null;
  cause: string | null;
  causeAnalysis: string | null;
  correctiveActionReport: string | null;
  closedAt: string | null;
}

export type DeadlineOutcome = 'MET_ON_TIME' | 'MET_LATE' | 'BREACHED' | 'OPEN' | 'CANCELLED';

export interface DeadlineRow {
  workOrderId: string;
  round: number;
  clock: string;
  complaintId: string;
  orgId: string;
  siteId: string;
  areaId: string;
  month: string;
  day: string;
  week: string;
  category: string;
  department: string;
  dueAt: string;
  metAt: string | null;
  breachedAt: string | null;
  outcome: DeadlineOutcome;
}

export interface EscalationRow {
  eventId: string;
  complaintId: string;
  workOrderId: string;
  orgId: string;
  siteId: string;
  areaId: string;
  month: string;
  toLevel: string;
  clock: string | null;
  at: string;
}

export interface CallbackRow {
  callbackId: string;
  caseId: string;
  kind: string;
  orgId: string;
  siteId: string;
  areaId: string;
  month: string;
  day: string;
  week: string;
  round: number;
  status: string;
  dueAt: string;
  resolvedAt: string;
  completedAt: string | null;
  satisfaction: string | null;
}

export interface PenaltyRow {
  penaltyId: string;
  orgId: string;
  siteId: string;
  month: string;
  workOrderId: string | null;
  contractor: string;
  failure: string;
  at: string;
  amountYuan: number | null;
}

export interface EmergencyRow {
  emergencyId: string;
  orgId: string;
  siteId: string;
  month: string;
  workOrderId: string | null;
  reportedAt: string;
}

export interface AcknowledgementRow {
  notificationId: string;
  caseId: string;
  orgId: string;
  siteId: string;
  complaintId: string | null;
  month: string;
  day: string;
  week: string;
  kind: string;
  recipientId: string;
  createdAt: string;
  acknowledgedAt: string;
  seconds: number;
}

export interface SurveyRow {
  responseId: string;
  orgId: string;
  siteId: string;
  month: string;
  answers: number;
  dissatisfied: number;
  followUps: number;
  surveyId: string;
  groupId: string | null;
  verySatisfied: number;
  satisfied: number;
  basicallySatisfied: number;
}

/** One answered question of a survey response (issue 31: the results per question, area and customer kind). */
export interface SurveyAnswerRow {
  responseId: string;
  question: number;
  surveyId: string;
  groupId: string | null;
  orgId: string;
  siteId: string;
  areaId: string | null;
  customerId: string | null;
  customerKind: string | null;
  kind: string;
  satisfaction: string | null;
  choice: string | null;
  text: string | null;
  followUpId: string | null;
  answeredAt: string;
}

/** A survey campaign as it opened: its questions (JSON) and sample size. */
export interface SurveyCampaignRow {
  surveyId: string;
  orgId: string;
  siteId: string;
  groupId: string | null;
  kind: string;
  period: string;
  questions: string;
  sampleSize: number | null;
  openedAt: string;
  closesAt: string | null;
}

/** A closed complaint's records as one file (kept two years after closing). */
export interface ArchiveRow {
  complaintId: string;
  orgId: string;
  siteId: string;
  areaId: string;
  closedAt: string;
  purgeAt: string;
  document: string;
}

/** How long a closed complaint's archive is kept (domain.md §5: two years). */
export const ARCHIVE_YEARS = 2;

export function purgeAtFor(closedAt: string): string {
  const d = new Date(closedAt);
  d.setUTCFullYear(d.getUTCFullYear() + ARCHIVE_YEARS);
  return d.toISOString();
}

export interface SiteRow {
  siteId: string;
  orgId: string;
  name: string;
  timeZone: string;
}

/** Everything one case contributes to the read model. */
export interface CaseRows {
  complaints: ComplaintRow[];
  departments: DepartmentRow[];
  workOrders: WorkOrderRow[];
  deadlines: DeadlineRow[];
  escalations: EscalationRow[];
  callbacks: CallbackRow[];
  penalties: PenaltyRow[];
  emergencies: EmergencyRow[];
  acknowledgements: AcknowledgementRow[];
  surveys: SurveyRow[];
  surveyAnswers: SurveyAnswerRow[];
  surveyCampaigns: SurveyCampaignRow[];
  sites: SiteRow[];
  archives: ArchiveRow[];
  /** The case's archive was purged: no file, no customer id; its trail shows only the purge entry. */
  purged: boolean;
}

export const emptyRows = (): CaseRows => ({
  archives: [],
  purged: false,
  complaints: [],
  departments: [],
  workOrders: [],
  deadlines: [],
  escalations: [],
  callbacks: [],
  penalties: [],
  emergencies: [],
  acknowledgements: [],
  surveys: [],
  surveyAnswers: [],
  surveyCampaigns: [],
  sites: [],
});

// ---------------------------------------------------------------- the fold

/** Local day, month and week (the Monday) of an instant in a time zone. */
export function buckets(at: string, timeZone: string): { day: string; month: string; week: string } {
  const { date, weekday } = localDate(new Date(at), timeZone);
  const back = (weekday + 6) % 7; // days since Monday
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - back);
  return { day: date, month: date.slice(0, 7), week: d.toISOString().slice(0, 10) };
}

const minutesBetween = (from: string, to: string | null | undefined): number | null =>
  to ? Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 60_000)) : null;

const earliest = (a: string | null | undefined, b: string | null | undefined): string | null => (!a ? (b ?? null) : !b ? a : a < b ? a : b);

/** The order events of one case are applied in: time, then the natural order of the workflow, then id. */
const RANK: Record<string, number> = {
  'complaint.filed': 0,
  'complaint.rejected': 0,
  'complaint.resolved_at_intake': 0,
  'complaint.severity_changed': 1,
  'workorder.created': 2,
  'workorder.recorded': 3,
  'workorder.escalated': 4,
  'sla.breached': 5,
  'workorder.resolved': 6,
  'complaint.resolved': 7,
  'complaint.closed': 7,
  'workorder.reopened': 8,
  'service.completed': 8,
  'callback.scheduled': 9,
  'callback.completed': 10,
  'callback.unreachable': 10,
};
const rank = (s: string): number => RANK[s] ?? 11;

export function canonicalOrder(events: StoredEvent[]): StoredEvent[] {
  return [...events].sort(
    (a, b) =>
      a.occurredAt.localeCompare(b.occurredAt) ||
      rank(a.subject) - rank(b.subject) ||
      Number(b.payload.revision ?? 0) - Number(a.payload.revision ?? 0) ||
      a.eventId.localeCompare(b.eventId),
  );
}

interface Clock {
  workOrderId: string;
  round: number;
  clock: string;
  department: string;
  dueAt: string;
  metAt: string | null;
  breachedAt: string | null;
  cancelled: boolean;
}

function outcomeOf(c: Clock): DeadlineOutcome {
  if (c.cancelled) return 'CANCELLED';
  const late = !!c.breachedAt || (!!c.metAt && c.metAt > c.dueAt);
  if (c.metAt) return late ? 'MET_LATE' : 'MET_ON_TIME';
  return c.breachedAt ? 'BREACHED' : 'OPEN';
}

interface WorkOrderState extends Omit<WorkOrderRow, 'complaintId' | 'orgId' | 'siteId' | 'areaId' | 'month' | 'severity' | 'category'> {
  planSignedOffAt: string | null;
}

/**
 * Folds every event of one case into its rows. The result depends only on the set of events, never
 * on the order they arrived in (they are applied in `canonicalOrder`), and folding the same set twice
 * gives the same rows: the projection recomputes a case from its whole history each time it changes.
 * `siteZone` gives a site's time zone for records that do not carry one (fines, emergencies, surveys).
 */
export function foldCase(all: StoredEvent[], siteZone: (siteId: string) => string): CaseRows {
  const rows = emptyRows();
  const events = canonicalOrder(all);
  let intake: IntakeRecordV1 | null = null;
  let valid = true;
  let resolvedAtIntake = false;
  let severity: string | null = null;
  let repeat = false;
  let resolvedAt: string | null = null;
  let invalidClosedAt: string | null = null;
  let firstResolvedAt: string | null = null;
  const wos = new Map<string, WorkOrderState>();
  const clocks = new Map<string, Clock>();
  const escalations: { e: StoredEvent; p: WorkOrderEscalatedV1 }[] = [];
  const callbacks = new Map<string, { scheduled?: CallbackScheduledV1; done?: CallbackCompletedV1; unreachable?: boolean }>();
  const penalty: { p?: ContractorPenalizedV1; amount?: number | null } = {};

  const wo = (id: string, department: string): WorkOrderState => {
    let w = wos.get(id);
    if (!w) {
      w = {
        workOrderId: id,
        department,
        lead: false,
        status: WorkOrderStatus.RECEIVED,
        round: 1,
        revision: 0,
        escalationLevel: 'HANDLER',
        escalations: 0,
        extensions: 0,
        plan: null,
        handlerId: null,
        resolvedAt: null,
        resolution: null,
        cause: null,
        causeAnalysis: null,
        correctiveActionReport: null,
        closedAt: null,
        planSignedOffAt: null,
      };
      wos.set(id, w);
    }
    return w;
  };
  /** A clock as the newest source states it; met and breach times once known are kept. */
  const clock = (workOrderId: string, department: string, defaultRound: number, d: DeadlineV1) => {
    const round = d.round ?? defaultRound;
    const key = `${workOrderId}|${round}|${d.clock}`;
    const prev = clocks.get(key);
    clocks.set(key, {
      workOrderId,
      round,
      clock: d.clock,
      department,
      dueAt: d.dueAt,
      metAt: d.metAt ?? prev?.metAt ?? null,
      breachedAt: earliest(prev?.breachedAt, d.breachedAt),
      cancelled: !!d.cancelledAt || !!prev?.cancelled,
    });
  };
  const acceptIntake = (p: IntakeRecordV1) => {
    intake = p;
    severity = severity === Severity.MAJOR ? severity : p.severity;
    if (p.repeatOf) repeat = true;
  };

  for (const e of events) {
    const p = e.payload;
    switch (e.subject) {
      case 'complaint.filed':
        acceptIntake(p as unknown as IntakeRecordV1);
        break;
      case 'complaint.rejected': {
        const r = p as unknown as ComplaintRejectedV1;
        acceptIntake(r);
        valid = false;
        clock(r.complaintId, '', 1, { clock: SlaClock.INVALID_REPLY, dueAt: r.replyDueAt });
        break;
      }
      case 'complaint.resolved_at_intake': {
        const r = p as unknown as ComplaintResolvedAtIntakeV1;
        acceptIntake(r);
        resolvedAtIntake = true;
        resolvedAt = r.resolvedAt;
        firstResolvedAt = earliest(firstResolvedAt, r.resolvedAt);
        break;
      }
      case 'complaint.severity_changed': {
        const r = p as unknown as ComplaintSeverityChangedV1;
        if (r.to === Severity.MAJOR) severity = Severity.MAJOR;
        if (r.reason === SeverityChangeReason.REPEATED_UNRESOLVED) repeat = true;
        break;
      }
      case 'complaint.closed': {
        const r = p as unknown as ComplaintClosedV1;
        invalidClosedAt = r.closedAt;
        clock(r.complaintId, '', 1, r.deadline);
        break;
      }
      case 'complaint.resolved': {
        const r = p as unknown as ComplaintResolvedV1;
        if (r.severity === Severity.MAJOR) severity = Severity.MAJOR;
        resolvedAt = r.resolvedAt;
        firstResolvedAt = earliest(firstResolvedAt, r.resolvedAt);
        break;
      }
      case 'workorder.created': {
        const r = p as unknown as WorkOrderCreatedV1;
        const w = wo(r.workOrderId, r.department);
        w.lead = r.lead;
        for (const d of r.deadlines) clock(r.workOrderId, r.department, 1, d);
        break;
      }
      case 'workorder.recorded': {
        const r = p as unknown as WorkOrderRecordedV1;
        const w = wo(r.workOrderId, r.department);
        if (r.revision < w.revision) break;
        Object.assign(w, {
          lead: r.lead,
          status: r.status,
          round: Math.max(w.round, r.round),
          revision: r.revision,
          escalationLevel: r.escalationLevel,
          extensions: r.extensions.length,
          plan: r.plan ?? null,
          handlerId: r.handlerId ?? null,
          resolvedAt: r.resolvedAt ?? w.resolvedAt,
          resolution: r.resolution ?? w.resolution,
          cause: r.cause ?? w.cause,
          causeAnalysis: r.causeAnalysis ?? w.causeAnalysis,
          correctiveActionReport: r.correctiveActionReport ?? w.correctiveActionReport,
          closedAt: r.closedAt ?? null,
        });
        if (r.round === 1 && r.planSignedOffAt) w.planSignedOffAt = earliest(w.planSignedOffAt, r.planSignedOffAt);
        for (const d of r.deadlines) clock(r.workOrderId, r.department, r.round, d);
        break;
      }
      case 'workorder.escalated': {
        const r = p as unknown as WorkOrderEscalatedV1;
        const w = wo(r.workOrderId, r.department);
        w.escalations += 1;
        w.escalationLevel = r.to;
        escalations.push({ e, p: r });
        break;
      }
      case 'sla.breached': {
        const r = p as unknown as SlaBreachedV1;
        const same = [...clocks.values()].filter((c) => c.workOrderId === r.workOrderId && c.clock === (r.clock as string));
        const target = same.find((c) => c.dueAt === r.dueAt) ?? same.sort((a, b) => b.round - a.round)[0];
        if (target) target.breachedAt = earliest(target.breachedAt, r.breachedAt);
        else clock(r.workOrderId, r.department, wo(r.workOrderId, r.department).round, { ...r, breachedAt: r.breachedAt });
        break;
      }
      case 'workorder.resolved': {
        const r = p as unknown as WorkOrderResolvedV1;
        const w = wo(r.workOrderId, r.department);
        w.resolvedAt = r.resolvedAt;
        if (r.cause) w.cause = r.cause;
        if (w.status !== (WorkOrderStatus.CONFIRMED as string) && w.status !== (WorkOrderStatus.CLOSED as string)) {
          w.status = WorkOrderStatus.RESOLVED;
        }
        for (const d of r.deadlines) clock(r.workOrderId, r.department, w.round, d);
        break;
      }
      case 'workorder.reopened': {
        const r = p as unknown as WorkOrderReopenedV1;
        const w = wo(r.workOrderId, r.department);
        if (r.round > w.round) {
          w.round = r.round;
          w.status = WorkOrderStatus.REOPENED;
          w.closedAt = null;
        }
        for (const d of r.deadlines) clock(r.workOrderId, r.department, r.round, d);
        break;
      }
      case 'callback.scheduled': {
        const r = p as unknown as CallbackScheduledV1;
        callbacks.set(r.callbackId, { ...callbacks.get(r.callbackId), scheduled: r });
        break;
      }
      case 'callback.completed': {
        const r = p as unknown as CallbackCompletedV1;
        callbacks.set(r.callbackId, { ...callbacks.get(r.callbackId), done: r });
        break;
      }
      case 'callback.unreachable': {
        const r = p as unknown as CallbackUnreachableV1;
        callbacks.set(r.callbackId, { ...callbacks.get(r.callbackId), unreachable: true });
        break;
      }
      case 'contractor.penalized':
        penalty.p = p as unknown as ContractorPenalizedV1;
        break;
      case 'contractor.penalty_amount_set':
        penalty.amount = (p as unknown as ContractorPenaltyAmountSetV1).amountYuan;
        break;
      case 'emergency.reported': {
        const r = p as unknown as EmergencyReportedV1;
        rows.emergencies = [
          {
            emergencyId: r.emergencyId,
            orgId: r.orgId,
            siteId: r.siteId,
            month: buckets(r.reportedAt, siteZone(r.siteId)).month,
            workOrderId: r.workOrderId ?? null,
            reportedAt: r.reportedAt,
          },
        ];
        break;
      }
      case 'notification.acknowledged': {
        const r = p as unknown as NotificationAcknowledgedV1;
        // a complaint's case holds every acknowledgement of its messages
        rows.acknowledgements.push({
          notificationId: r.notificationId,
          caseId: r.complaintId ?? `ack:${r.notificationId}`,
          orgId: r.orgId,
          siteId: r.siteId,
          complaintId: r.complaintId ?? null,
          ...buckets(r.acknowledgedAt, siteZone(r.siteId)),
          kind: r.kind,
          recipientId: r.recipientId,
          createdAt: r.createdAt,
          acknowledgedAt: r.acknowledgedAt,
          seconds: Math.max(0, Math.round((Date.parse(r.acknowledgedAt) - Date.parse(r.createdAt)) / 1000)),
        });
        break;
      }
      case 'survey.answered': {
        const r = p as unknown as SurveyAnsweredV1;
        rows.surveys = [
          {
            responseId: r.responseId,
            orgId: r.orgId,
            siteId: r.siteId,
            month: buckets(r.answeredAt, siteZone(r.siteId)).month,
            answers: r.answers.length,
            dissatisfied: r.answers.filter((a) => a === Satisfaction.DISSATISFIED).length,
            followUps: r.followUps,
            surveyId: r.surveyId,
            groupId: r.groupId ?? null,
            verySatisfied: r.answers.filter((a) => a === Satisfaction.VERY_SATISFIED).length,
            satisfied: r.answers.filter((a) => a === Satisfaction.SATISFIED).length,
            basicallySatisfied: r.answers.filter((a) => a === Satisfaction.BASICALLY_SATISFIED).length,
          },
        ];
        // a response from before issue 31 carries the four-level answers only: question i is the i-th
        const items = r.items ?? r.answers.map((satisfaction, question) => ({ question, kind: QuestionKind.SCALE, satisfaction }));
        rows.surveyAnswers = items.map((a) => ({
          responseId: r.responseId,
          question: a.question,
          surveyId: r.surveyId,
          groupId: r.groupId ?? null,
          orgId: r.orgId,
          siteId: r.siteId,
          areaId: r.areaId ?? null,
          customerId: r.customerId ?? null,
          customerKind: r.customerKind ?? null,
          kind: a.kind,
          satisfaction: a.satisfaction ?? null,
          choice: ('choice' in a && a.choice) || null,
          text: ('text' in a && a.text) || null,
          followUpId: ('followUpId' in a && a.followUpId) || null,
          answeredAt: r.answeredAt,
        }));
        break;
      }
      case 'survey.opened': {
        const r = p as unknown as SurveyOpenedV1;
        rows.surveyCampaigns = [
          {
            surveyId: r.surveyId,
            orgId: r.orgId,
            siteId: r.siteId,
            groupId: r.groupId ?? null,
            kind: r.kind,
            period: r.period,
            questions: JSON.stringify(r.questions),
            sampleSize: r.sampleSize ?? null,
            openedAt: r.openedAt,
            closesAt: r.closesAt ?? null,
          },
        ];
        break;
      }
      case 'registry.site_saved': {
        const r = p as unknown as SiteSavedV1;
        rows.sites = [{ siteId: r.siteId, orgId: r.orgId, name: r.name, timeZone: r.timeZone }];
        break;
      }
      case 'archive.purged':
        rows.purged = true;
        break;
      default:
        break; // callback.overdue / callback.dissatisfied / service.* / registry.customer_saved / registry.staff_saved / customer.contacted: the trail only
    }
  }

  if (penalty.p) {
    const r = penalty.p;
    rows.penalties.push({
      penaltyId: r.penaltyId,
      orgId: r.orgId,
      siteId: r.siteId,
      month: buckets(r.at, siteZone(r.siteId)).month,
      workOrderId: r.workOrderId ?? null,
      contractor: r.contractor,
      failure: r.failure,
      at: r.at,
      amountYuan: penalty.amount ?? null,
    });
  }

  const rec = intake as IntakeRecordV1 | null;
  const zone = rec?.timeZone ?? DEFAULT_TIME_ZONE;
  for (const [callbackId, cb] of callbacks) {
    const s = cb.scheduled;
    if (!s) continue; // known once its scheduling arrives
    const kind = s.kind ?? CallbackKind.COMPLAINT;
    const resolved = s.resolvedAt ?? new Date(Date.parse(s.dueAt) - 86_400_000).toISOString();
    rows.callbacks.push({
      callbackId,
      caseId: s.complaintId,
      kind,
      orgId: s.orgId,
      siteId: s.siteId,
      areaId: s.areaId ?? rec?.areaId ?? '',
      ...buckets(resolved, s.timeZone ?? zone),
      round: s.round ?? 1,
      status: cb.done ? 'DONE' : cb.unreachable ? 'UNREACHABLE' : 'OPEN',
      dueAt: s.dueAt,
      resolvedAt: resolved,
      completedAt: cb.done?.completedAt ?? null,
      satisfaction: cb.done?.satisfaction ?? null,
    });
  }

  if (!rec) return rows; // the rest hangs on the intake record; it is recomputed when that arrives

  const b = buckets(rec.receivedAt, zone);
  const areaId = rec.areaId ?? '';
  const sev = severity ?? rec.severity;
  const base = { complaintId: rec.complaintId, orgId: rec.orgId, siteId: rec.siteId, areaId };
  const woRows = [...wos.values()].map((w): WorkOrderRow => ({
    ...base,
    month: b.month,
    severity: sev,
    category: rec.category,
    workOrderId: w.workOrderId,
    department: w.department,
    lead: w.lead,
    status: w.status,
    round: w.round,
    revision: w.revision,
    escalationLevel: w.escalationLevel,
    escalations: w.escalations,
    extensions: w.extensions,
    plan: w.plan,
    handlerId: w.handlerId,
    resolvedAt: w.resolvedAt,
    resolution: w.resolution,
    cause: w.cause,
    causeAnalysis: w.causeAnalysis,
    correctiveActionReport: w.correctiveActionReport,
    closedAt: w.closedAt,
  }));
  rows.workOrders = woRows;
  const lead = woRows.find((w) => w.lead) ?? woRows[0];
  const allClosed = woRows.length > 0 && woRows.every((w) => w.status === (WorkOrderStatus.CLOSED as string) && w.closedAt);
  const planSignedOff = [...wos.values()].reduce<string | null>((m, w) => earliest(m, w.planSignedOffAt), null);
  rows.complaints.push({
    ...base,
    customerId: rows.purged ? null : (rec.customerId ?? null),
    ...b,
    receivedAt: rec.receivedAt,
    valid,
    category: rec.category,
    severity: sev,
    channel: rec.channel,
    leadDepartment: rec.departments[0] ?? '',
    resolvedAtIntake,
    repeat,
    resolvedAt,
    closedAt:
      invalidClosedAt ??
      (allClosed
        ? woRows
            .map((w) => w.closedAt!)
            .sort()
            .at(-1)!
        : null),
    rounds: Math.max(1, ...woRows.map((w) => w.round)),
    planMinutes: minutesBetween(rec.receivedAt, planSignedOff),
    resolveMinutes: minutesBetween(rec.receivedAt, firstResolvedAt),
    cause: lead?.cause ?? woRows.find((w) => w.cause)?.cause ?? null,
  });
  rows.departments = rec.departments.map((department, i) => ({ ...base, department, month: b.month, lead: i === 0, valid }));
  rows.deadlines = [...clocks.values()].map((c) => ({
    ...base,
    ...b,
    workOrderId: c.workOrderId,
    round: c.round,
    clock: c.clock,
    category: rec.category,
    department: c.department || (wos.get(c.workOrderId)?.department ?? ''),
    dueAt: c.dueAt,
    metAt: c.metAt,
    breachedAt: c.breachedAt,
    outcome: outcomeOf(c),
  }));
  const closedAt = rows.complaints[0].closedAt;
  if (closedAt && !rows.purged) {
    rows.archives.push({ ...base, closedAt, purgeAt: purgeAtFor(closedAt), document: JSON.stringify(archiveOf(events, closedAt)) });
  }
  rows.escalations = escalations.map(({ e, p }) => ({
    ...base,
    eventId: e.eventId,
    workOrderId: p.workOrderId,
    month: b.month,
    toLevel: p.to,
    clock: p.clock ?? null,
    at: p.escalatedAt,
  }));
  return rows;
}

/**
 * The archive file of a closed complaint: the intake record, every work order's last handling record
 * (plan, sign-off, handler, progress and customer contacts, extensions, clocks, resolution with cause
 * and corrective action, the customer's confirmation), escalations, reworks, breaches, the callbacks,
 * and the trail of who did what, when and by which channel. Fines and emergencies of its work orders
 * are added by the store.
 */
export function archiveOf(events: StoredEvent[], closedAt: string): Record<string, unknown> {
  const of = (...subjects: string[]) => events.filter((e) => subjects.includes(e.subject)).map((e) => e.payload);
  const records = new Map<string, Record<string, unknown>>();
  for (const p of of('workorder.recorded')) {
    const prev = records.get(String(p.workOrderId));
    if (!prev || Number(p.revision) >= Number(prev.revision)) records.set(String(p.workOrderId), p);
  }
  const created = of('workorder.created');
  const callbacks = new Map<string, Record<string, unknown>>();
  for (const e of events.filter((x) => x.subject.startsWith('callback.'))) {
    const id = String(e.payload.callbackId);
    callbacks.set(id, { ...callbacks.get(id), [e.subject.slice('callback.'.length)]: e.payload });
  }
  return {
    closedAt,
    intake: of('complaint.filed', 'complaint.rejected', 'complaint.resolved_at_intake')[0] ?? null,
    severityChanges: of('complaint.severity_changed'),
    workOrders: created.map((c) => ({
      workOrderId: c.workOrderId,
      department: c.department,
      lead: c.lead,
      createdAt: c.createdAt,
      record: records.get(String(c.workOrderId)) ?? null,
    })),
    escalations: of('workorder.escalated'),
    reworks: of('workorder.reopened'),
    breaches: of('sla.breached'),
    resolutions: of('complaint.resolved', 'workorder.resolved'),
    invalidReply: of('complaint.closed')[0] ?? null,
    callbacks: [...callbacks.values()],
    trail: events.map((e) => ({ at: e.occurredAt, action: e.subject, actor: e.actor, channel: e.channel ?? null })),
  };
}
