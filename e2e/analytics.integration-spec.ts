import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { connect, StringCodec, type NatsConnection } from 'nats';
import {
  CallbackCompleted,
  CallbackKind,
  CallbackScheduled,
  CallbackUnreachable,
  Category,
  CauseCategory,
  Channel,
  ComplaintClosed,
  ComplaintFiled,
  ComplaintRejected,
  ComplaintResolved,
  ComplaintResolvedAtIntake,
  ComplaintSeverityChanged,
  ContractorFailure,
  ContractorPenaltyAmountSet,
  ContractorPenalized,
  Department,
  EmergencyReported,
  EscalationLevel,
  NotificationAcknowledged,
  NotificationKind,
  Role,
  Satisfaction,
  SeverityChangeReason,
  Severity,
  SiteSaved,
  SlaBreached,
  SlaClock,
  SurveyAnswered,
  WorkOrderCreated,
  WorkOrderEscalated,
  WorkOrderRecorded,
  WorkOrderReopened,
  WorkOrderResolved,
  WorkOrderStatus,
  WorkOrderStep,
  type DeadlineV1,
  type EventContract,
  type EventMeta,
} from '@pc/contracts';
import {
  ANALYTICS,
  AnalyticsAppModule,
  AnalyticsScheduler,
  STREAM_TABLES,
  applyEvents,
  decodeMessage,
  knexOf,
  rebuildReadModel,
} from '@pc/analytics';
import { streamName } from '@pc/messaging';
import { ManualClock, type AuthUser } from '@pc/platform';
import { InProcessService, eventually, postGraphql } from '../tools/harness';

/**
 * domain.md §5, the read side. Real: the analytics subgraph (in this process, ManualClock),
 * PostgreSQL, NATS JetStream. The events are published as intake, dispatch and callback publish them,
 * in a shuffled order, for cases whose outcomes are known; every figure of the report is checked per
 * area, site and organisation against them.
 */
const ORG = 'org-r';
const MONTH = '2026-10';
const u = (sub: string, roles: Role[], sites = ['*'], department?: Department): AuthUser => ({ sub, org: ORG, sites, roles, department });
const USERS = {
  analyst: u('analyst-1', [Role.ANALYST]),
  analystSite2: u('analyst-2', [Role.ANALYST], ['site-2']),
  quality: u('quality-1', [Role.QUALITY]),
  qualitySite1: u('quality-2', [Role.QUALITY], ['site-1']),
  engineeringHead: u('eng-head', [Role.DEPARTMENT_HEAD], ['site-1'], Department.ENGINEERING),
  desk: u('desk-1', [Role.FRONT_DESK], ['site-1']),
  siteHead: u('site-head', [Role.SITE_HEAD]),
};
const tokens = {} as Record<keyof typeof USERS, string>;
let svc: InProcessService;
let app: INestApplication;
let url: string;
const clock = new ManualClock('2026-10-20T04:00:00Z');

const gql = (who: keyof typeof USERS, query: string, variables?: Record<string, unknown>) =>
  postGraphql(url, tokens[who], query, variables);
const ok = async (p: Promise<{ data?: any; errors?: any[] }>) => {
  const r = await p;
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return Object.values(r.data)[0] as any;
};
const errorOf = (r: { errors?: any[] }) => r.errors?.[0]?.extensions;

// ------------------------------------------------------------------ the month's cases, as events

interface Published {
  contract: EventContract<any>;
  payload: Record<string, unknown> & { orgId: string };
  meta: EventMeta & { occurredAt: Date };
  id: string;
}
const events: Published[] = [];
const at = (iso: string) => new Date(iso);
function emit<T extends object>(
  contract: EventContract<T>,
  payload: T & { orgId: string },
  when: string,
  actor = 'system',
  channel?: string,
) {
  events.push({ contract, payload: payload, meta: { occurredAt: at(when), actor, channel }, id: randomUUID() });
}
const d = (clock: SlaClock, dueAt: string, metAt?: string, breachedAt?: string, round?: number): DeadlineV1 => ({
  clock,
  dueAt,
  metAt,
  breachedAt,
  round,
});

const C = { c1: randomUUID(), c2: randomUUID(), c3: randomUUID(), c4: randomUUID(), c5: randomUUID(), c6: randomUUID() };
const W = { w1: randomUUID(), w2: randomUUID(), w3e: randomUUID(), w3s: randomUUID() };
const CUSTOMER_X = 'cust-x';
const CUSTOMER_Y = 'cust-y';

function intake(
  complaintId: string,
  siteId: string,
  areaId: string,
  customerId: string,
  category: Category,
  channel: Channel,
  departments: Department[],
  receivedAt: string,
) {
  return {
    orgId: ORG,
    siteId,
    complaintId,
    areaId,
    areaManagerId: `am-${areaId}`,
    customerId,
    channel,
    category,
    severity: Severity.MINOR,
    circumstances: [],
    serious: false,
    urgent: false,
    departments,
    receivedAt,
    receivedBy: 'desk-1',
    replyDueAt: new Date(Date.parse(receivedAt) + 2 * 86_400_000).toISOString(),
    timeZone: 'Asia/Shanghai',
  };
}
const recorded = (
  wo: string,
  complaintId: string,
  department: Department,
  revision: number,
  step: WorkOrderStep,
  over: Record<string, unknown>,
) => ({
  orgId: ORG,
  siteId: 'site-1',
  complaintId,
  workOrderId: wo,
  department,
  lead: true,
  step,
  status: WorkOrderStatus.PLANNED,
  round: 1,
  revision,
  escalationLevel: EscalationLevel.HANDLER,
  at: '2026-10-02T02:30:00.000Z',
  progress: [],
  extensions: [],
  deadlines: [],
  ...over,
});

function buildMonth(): void {
  emit(SiteSaved, { orgId: ORG, siteId: 'site-1', name: '一号园区', timeZone: 'Asia/Shanghai' }, '2026-09-01T00:00:00Z');
  emit(SiteSaved, { orgId: ORG, siteId: 'site-2', name: 'Tower Two', timeZone: 'Asia/Shanghai' }, '2026-09-01T00:00:00Z');

  // C1 site-1/a1: equipment, resolved, called back on time (SATISFIED). PLAN on time, REPLY met late, FEEDBACK on time.
  emit(
    ComplaintFiled,
    intake(C.c1, 'site-1', 'a1', CUSTOMER_X, Category.EQUIPMENT, Channel.PHONE, [Department.ENGINEERING], '2026-10-02T02:00:00.000Z'),
    '2026-10-02T02:00:00Z',
    'desk-1',
    Channel.PHONE,
  );
  emit(
    WorkOrderCreated,
    {
      orgId: ORG,
      siteId: 'site-1',
      complaintId: C.c1,
      workOrderId: W.w1,
      department: Department.ENGINEERING,
      lead: true,
      createdAt: '2026-10-02T02:00:01.000Z',
      deadlines: [
        d(SlaClock.PLAN, '2026-10-02T03:00:00.000Z'),
        d(SlaClock.REPLY, '2026-10-02T04:00:00.000Z'),
        d(SlaClock.FEEDBACK, '2026-10-03T02:00:00.000Z'),
      ],
    },
    '2026-10-02T02:00:01Z',
  );
  emit(
    WorkOrderRecorded,
    recorded(W.w1, C.c1, Department.ENGINEERING, 1, WorkOrderStep.PLAN_SIGNED_OFF, {
      plan: '更换水泵',
      planSignedOffAt: '2026-10-02T02:30:00.000Z',
      planSignedOffBy: 'eng-head',
    }),
    '2026-10-02T02:30:00Z',
    'eng-head',
  );
  emit(
    SlaBreached,
    {
      orgId: ORG,
      siteId: 'site-1',
      complaintId: C.c1,
      workOrderId: W.w1,
      department: Department.ENGINEERING,
      clock: SlaClock.REPLY,
      dueAt: '2026-10-02T04:00:00.000Z',
      breachedAt: '2026-10-02T04:00:00.000Z',
    },
    '2026-10-02T04:00:01Z',
  );
  emit(
    WorkOrderResolved,
    {
      orgId: ORG,
      siteId: 'site-1',
      complaintId: C.c1,
      workOrderId: W.w1,
      department: Department.ENGINEERING,
      resolvedAt: '2026-10-03T01:00:00.000Z',
      cause: CauseCategory.EQUIPMENT_FAILURE,
      deadlines: [
        d(SlaClock.PLAN, '2026-10-02T03:00:00.000Z', '2026-10-02T02:30:00.000Z', undefined, 1),
        d(SlaClock.REPLY, '2026-10-02T04:00:00.000Z', '2026-10-02T05:00:00.000Z', '2026-10-02T04:00:00.000Z', 1),
        d(SlaClock.FEEDBACK, '2026-10-03T02:00:00.000Z', '2026-10-03T01:00:00.000Z', undefined, 1),
      ],
    },
    '2026-10-03T01:00:00Z',
    'eng-1',
  );
  emit(
    ComplaintResolved,
    {
      orgId: ORG,
      siteId: 'site-1',
      complaintId: C.c1,
      areaId: 'a1',
      severity: Severity.MINOR,
      category: Category.EQUIPMENT,
      resolvedAt: '2026-10-03T01:00:00.000Z',
      resolvedBy: 'eng-1',
      takenBy: 'desk-1',
      atIntake: false,
    },
    '2026-10-03T01:00:00.100Z',
    'eng-1',
  );
  const cb1 = randomUUID();
  emit(
    CallbackScheduled,
    {
      orgId: ORG,
      siteId: 'site-1',
      complaintId: C.c1,
      callbackId: cb1,
      kind: CallbackKind.COMPLAINT,
      dueAt: '2026-10-04T01:00:00.000Z',
      assignee: 'desk-1',
      resolvedAt: '2026-10-03T01:00:00.000Z',
      timeZone: 'Asia/Shanghai',
      areaId: 'a1',
      round: 1,
    },
    '2026-10-03T01:00:01Z',
  );
  emit(
    CallbackCompleted,
    {
      orgId: ORG,
      siteId: 'site-1',
      complaintId: C.c1,
      callbackId: cb1,
      kind: CallbackKind.COMPLAINT,
      completedAt: '2026-10-03T09:00:00.000Z',
      satisfaction: Satisfaction.SATISFIED,
      onTime: true,
    },
    '2026-10-03T09:00:00Z',
    'desk-1',
  );

  // C2 site-1/a1: the same customer again (a repeat complainant by count); fees, open. PLAN open, REPLY breached.
  emit(
    ComplaintFiled,
    intake(C.c2, 'site-1', 'a1', CUSTOMER_X, Category.FEES, Channel.WECHAT, [Department.FINANCE], '2026-10-15T02:00:00.000Z'),
    '2026-10-15T02:00:00Z',
    'desk-1',
    Channel.WECHAT,
  );
  emit(
    WorkOrderCreated,
    {
      orgId: ORG,
      siteId: 'site-1',
      complaintId: C.c2,
      workOrderId: W.w2,
      department: Department.FINANCE,
      lead: true,
      createdAt: '2026-10-15T02:00:01.000Z',
      deadlines: [d(SlaClock.PLAN, '2026-10-25T03:00:00.000Z'), d(SlaClock.REPLY, '2026-10-15T04:00:00.000Z')],
    },
    '2026-10-15T02:00:01Z',
  );
  emit(
    SlaBreached,
    {
      orgId: ORG,
      siteId: 'site-1',
      complaintId: C.c2,
      workOrderId: W.w2,
      department: Department.FINANCE,
      clock: SlaClock.REPLY,
      dueAt: '2026-10-15T04:00:00.000Z',
      breachedAt: '2026-10-15T04:00:00.000Z',
    },
    '2026-10-15T04:00:01Z',
  );

  // C3 site-1/a2: building, made MAJOR by rule A, two departments, escalated twice, an extension, resolved
  // (cause and corrective action), called back DISSATISFIED late, reopened for rework (round 2, its PLAN open),
  // its second callback not yet due (pending).
  emit(
    ComplaintFiled,
    intake(
      C.c3,
      'site-1',
      'a2',
      CUSTOMER_Y,
      Category.BUILDING,
      Channel.VISIT,
      [Department.ENGINEERING, Department.SECURITY],
      '2026-10-05T02:00:00.000Z',
    ),
    '2026-10-05T02:00:00Z',
    'desk-1',
    Channel.VISIT,
  );
  emit(
    ComplaintSeverityChanged,
    {
      orgId: ORG,
      siteId: 'site-1',
      complaintId: C.c3,
      from: Severity.MINOR,
      to: Severity.MAJOR,
      reason: SeverityChangeReason.REPEATED_UNRESOLVED,
      changedAt: '2026-10-05T02:00:00.000Z',
    },
    '2026-10-05T02:00:00.500Z',
  );
  emit(
    WorkOrderCreated,
    {
      orgId: ORG,
      siteId: 'site-1',
      complaintId: C.c3,
      workOrderId: W.w3e,
      department: Department.ENGINEERING,
      lead: true,
      createdAt: '2026-10-05T02:00:01.000Z',
      deadlines: [
        d(SlaClock.PLAN, '2026-10-05T03:00:00.000Z'),
        d(SlaClock.REPORT_TO_HEAD, '2026-10-05T02:10:00.000Z'),
        d(SlaClock.SOLUTION_AGREED, '2026-10-05T14:00:00.000Z'),
      ],
    },
    '2026-10-05T02:00:01Z',
  );
  emit(
    WorkOrderCreated,
    {
      orgId: ORG,
      siteId: 'site-1',
      complaintId: C.c3,
      workOrderId: W.w3s,
      department: Department.SECURITY,
      lead: false,
      createdAt: '2026-10-05T02:00:01.000Z',
      deadlines: [d(SlaClock.PLAN, '2026-10-05T03:00:00.000Z', '2026-10-05T02:40:00.000Z')],
    },
    '2026-10-05T02:00:01Z',
  );
  emit(
    WorkOrderEscalated,
    {
      orgId: ORG,
      siteId: 'site-1',
      complaintId: C.c3,
      workOrderId: W.w3e,
      department: Department.ENGINEERING,
      from: EscalationLevel.HANDLER,
      to: EscalationLevel.DEPARTMENT_HEAD,
      reason: 'SOLUTION_AGREED breached',
      clock: SlaClock.SOLUTION_AGREED,
      escalatedBy: 'system',
      escalatedAt: '2026-10-05T14:00:00.000Z',
    },
    '2026-10-05T14:00:00Z',
  );
  emit(
    SlaBreached,
    {
      orgId: ORG,
      siteId: 'site-1',
      complaintId: C.c3,
      workOrderId: W.w3e,
      department: Department.ENGINEERING,
      clock: SlaClock.SOLUTION_AGREED,
      dueAt: '2026-10-05T14:00:00.000Z',
      breachedAt: '2026-10-05T14:00:00.000Z',
    },
    '2026-10-05T14:00:00Z',
  );
  emit(
    WorkOrderEscalated,
    {
      orgId: ORG,
      siteId: 'site-1',
      complaintId: C.c3,
      workOrderId: W.w3e,
      department: Department.ENGINEERING,
      from: EscalationLevel.DEPARTMENT_HEAD,
      to: EscalationLevel.SITE_HEAD,
      reason: 'by hand',
      escalatedBy: 'eng-head',
      escalatedAt: '2026-10-06T01:00:00.000Z',
    },
    '2026-10-06T01:00:00Z',
    'eng-head',
  );
  emit(
    WorkOrderRecorded,
    recorded(W.w3e, C.c3, Department.ENGINEERING, 7, WorkOrderStep.RESOLVED, {
      status: WorkOrderStatus.RESOLVED,
      escalationLevel: EscalationLevel.SITE_HEAD,
      plan: '重做防水层',
      handlerId: 'eng-7',
      planSignedOffAt: '2026-10-05T02:45:00.000Z',
      resolvedAt: '2026-10-08T02:00:00.000Z',
      resolution: 'waterproofing redone',
      cause: CauseCategory.CONSTRUCTION_QUALITY,
      causeAnalysis: 'membrane laid wet',
      correctiveActionReport: 'replace the waterproofing of block 3 roofs',
      extensions: [
        {
          clock: SlaClock.FEEDBACK,
          previousDueAt: '2026-10-06T02:00:00.000Z',
          newDueAt: '2026-10-08T02:00:00.000Z',
          reason: 'parts',
          customerToldAt: '2026-10-05T20:00:00.000Z',
          customerToldVia: 'PHONE',
          by: 'eng-head',
          at: '2026-10-05T20:00:00.000Z',
        },
      ],
      deadlines: [
        d(SlaClock.PLAN, '2026-10-05T03:00:00.000Z', '2026-10-05T02:45:00.000Z', undefined, 1),
        d(SlaClock.REPORT_TO_HEAD, '2026-10-05T02:10:00.000Z', '2026-10-05T02:05:00.000Z', undefined, 1),
        d(SlaClock.SOLUTION_AGREED, '2026-10-05T14:00:00.000Z', '2026-10-06T03:00:00.000Z', '2026-10-05T14:00:00.000Z', 1),
      ],
    }),
    '2026-10-08T02:00:00Z',
    'eng-7',
  );
  emit(
    WorkOrderResolved,
    {
      orgId: ORG,
      siteId: 'site-1',
      complaintId: C.c3,
      workOrderId: W.w3s,
      department: Department.SECURITY,
      resolvedAt: '2026-10-07T02:00:00.000Z',
      deadlines: [d(SlaClock.PLAN, '2026-10-05T03:00:00.000Z', '2026-10-05T02:40:00.000Z', undefined, 1)],
    },
    '2026-10-07T02:00:00Z',
    'sec-1',
  );
  emit(
    ComplaintResolved,
    {
      orgId: ORG,
      siteId: 'site-1',
      complaintId: C.c3,
      areaId: 'a2',
      severity: Severity.MAJOR,
      category: Category.BUILDING,
      resolvedAt: '2026-10-08T02:00:00.000Z',
      resolvedBy: 'eng-7',
      takenBy: 'desk-1',
      atIntake: false,
    },
    '2026-10-08T02:00:00.100Z',
    'eng-7',
  );
  const cb3 = randomUUID();
  emit(
    CallbackScheduled,
    {
      orgId: ORG,
      siteId: 'site-1',
      complaintId: C.c3,
      callbackId: cb3,
      kind: CallbackKind.COMPLAINT,
      dueAt: '2026-10-09T02:00:00.000Z',
      assignee: 'am-a2',
      resolvedAt: '2026-10-08T02:00:00.000Z',
      timeZone: 'Asia/Shanghai',
      areaId: 'a2',
      round: 1,
    },
    '2026-10-08T02:00:01Z',
  );
  emit(
    CallbackCompleted,
    {
      orgId: ORG,
      siteId: 'site-1',
      complaintId: C.c3,
      callbackId: cb3,
      kind: CallbackKind.COMPLAINT,
      completedAt: '2026-10-09T05:00:00.000Z',
      satisfaction: Satisfaction.DISSATISFIED,
      onTime: false,
    },
    '2026-10-09T05:00:00Z',
    'am-a2',
  );
  emit(
    WorkOrderReopened,
    {
      orgId: ORG,
      siteId: 'site-1',
      complaintId: C.c3,
      workOrderId: W.w3e,
      department: Department.ENGINEERING,
      round: 2,
      reopenedAt: '2026-10-09T05:00:01.000Z',
      deadlines: [d(SlaClock.PLAN, '2026-10-25T03:00:00.000Z', undefined, undefined, 2)],
    },
    '2026-10-09T05:00:01Z',
  );
  const cb3b = randomUUID();
  emit(
    CallbackScheduled,
    {
      orgId: ORG,
      siteId: 'site-1',
      complaintId: C.c3,
      callbackId: cb3b,
      kind: CallbackKind.COMPLAINT,
      dueAt: '2026-10-20T06:00:00.000Z',
      assignee: 'am-a2',
      resolvedAt: '2026-10-19T06:00:00.000Z',
      timeZone: 'Asia/Shanghai',
      areaId: 'a2',
      round: 2,
    },
    '2026-10-19T06:00:01Z',
  );

  // C4 site-2/b1: invalid, given its reasoned reply in time (INVALID_REPLY met on time): closed, so archived.
  emit(
    ComplaintRejected,
    {
      ...intake(C.c4, 'site-2', 'b1', 'cust-z', Category.NOISE, Channel.PHONE, [Department.SECURITY], '2026-10-06T02:00:00.000Z'),
      reason: 'not our premises',
    },
    '2026-10-06T02:00:00Z',
    'desk-2',
    Channel.PHONE,
  );
  emit(
    ComplaintClosed,
    {
      orgId: ORG,
      siteId: 'site-2',
      complaintId: C.c4,
      closedAt: '2026-10-06T08:00:00.000Z',
      closedBy: 'rep-1',
      deadline: d(SlaClock.INVALID_REPLY, '2026-10-07T02:00:00.000Z', '2026-10-06T08:00:00.000Z'),
    },
    '2026-10-06T08:00:00Z',
    'rep-1',
  );

  // C5 site-2/b1: hygiene, answered on the spot; its callback was due on the 11th and never done (missing).
  emit(
    ComplaintResolvedAtIntake,
    {
      ...intake(C.c5, 'site-2', 'b1', 'cust-w', Category.HYGIENE, Channel.VISIT, [Department.CLEANING], '2026-10-10T02:00:00.000Z'),
      resolution: 'cleaned at once',
      resolvedAt: '2026-10-10T02:00:00.000Z',
    },
    '2026-10-10T02:00:00Z',
    'desk-2',
    Channel.VISIT,
  );
  emit(
    CallbackScheduled,
    {
      orgId: ORG,
      siteId: 'site-2',
      complaintId: C.c5,
      callbackId: randomUUID(),
      kind: CallbackKind.COMPLAINT,
      dueAt: '2026-10-11T02:00:00.000Z',
      assignee: 'desk-2',
      resolvedAt: '2026-10-10T02:00:00.000Z',
      timeZone: 'Asia/Shanghai',
      areaId: 'b1',
      round: 1,
    },
    '2026-10-10T02:00:01Z',
  );

  // C6 site-2/b1: parking, answered on the spot; the customer could not be reached (unreachable).
  emit(
    ComplaintResolvedAtIntake,
    {
      ...intake(C.c6, 'site-2', 'b1', 'cust-v', Category.PARKING, Channel.APP, [Department.SECURITY], '2026-10-12T02:00:00.000Z'),
      resolution: 'space freed',
      resolvedAt: '2026-10-12T02:00:00.000Z',
    },
    '2026-10-12T02:00:00Z',
    'desk-2',
    Channel.APP,
  );
  const cb6 = randomUUID();
  emit(
    CallbackScheduled,
    {
      orgId: ORG,
      siteId: 'site-2',
      complaintId: C.c6,
      callbackId: cb6,
      kind: CallbackKind.COMPLAINT,
      dueAt: '2026-10-13T02:00:00.000Z',
      assignee: 'desk-2',
      resolvedAt: '2026-10-12T02:00:00.000Z',
      timeZone: 'Asia/Shanghai',
      areaId: 'b1',
      round: 1,
    },
    '2026-10-12T02:00:01Z',
  );
  emit(
    CallbackUnreachable,
    {
      orgId: ORG,
      siteId: 'site-2',
      complaintId: C.c6,
      callbackId: cb6,
      kind: CallbackKind.COMPLAINT,
      attempts: 3,
      escalatedTo: 'am-b1',
      at: '2026-10-13T01:00:00.000Z',
    },
    '2026-10-13T01:00:00Z',
    'desk-2',
  );

  // a contractor fine at site-1 (6,000 yuan), an emergency and a survey response at site-2
  const penaltyId = randomUUID();
  emit(
    ContractorPenalized,
    {
      orgId: ORG,
      siteId: 'site-1',
      penaltyId,
      noticeId: randomUUID(),
      contractor: 'Acme Lifts',
      failure: ContractorFailure.NO_SHOW,
      at: '2026-10-07T06:00:00.000Z',
      workOrderId: W.w3e,
    },
    '2026-10-07T06:00:00Z',
  );
  emit(
    ContractorPenaltyAmountSet,
    { orgId: ORG, siteId: 'site-1', penaltyId, amountYuan: 6000, at: '2026-10-07T07:00:00.000Z' },
    '2026-10-07T07:00:00Z',
    'eng-head',
  );
  emit(
    EmergencyReported,
    {
      orgId: ORG,
      siteId: 'site-2',
      emergencyId: randomUUID(),
      description: 'pipe burst',
      occurredAt: '2026-10-16T01:00:00.000Z',
      reportedAt: '2026-10-16T01:05:00.000Z',
    },
    '2026-10-16T01:05:00Z',
    'sec-2',
  );
  // domain.md §6: the site head acknowledged C3's major-complaint message after 4 minutes, the SLA's duty staff a
  // breach after 30; a shift handover of site-2 (no case) after 20
  const acked = (
    notificationId: string,
    siteId: string,
    kind: NotificationKind,
    createdAt: string,
    minutes: number,
    complaintId?: string,
  ) =>
    emit(
      NotificationAcknowledged,
      {
        orgId: ORG,
        siteId,
        complaintId,
        notificationId,
        kind,
        recipientId: 'head-1',
        recipientRoles: [Role.SITE_HEAD],
        createdAt,
        acknowledgedAt: new Date(Date.parse(createdAt) + minutes * 60_000).toISOString(),
      },
      new Date(Date.parse(createdAt) + minutes * 60_000).toISOString(),
      'head-1',
    );
  acked(randomUUID(), 'site-1', NotificationKind.MAJOR_COMPLAINT, '2026-10-05T02:01:00.000Z', 4, C.c3);
  acked(randomUUID(), 'site-1', NotificationKind.DEADLINE_BREACHED, '2026-10-06T02:00:00.000Z', 30, C.c3);
  acked(randomUUID(), 'site-2', NotificationKind.SHIFT_HANDOVER, '2026-10-06T10:00:00.000Z', 20);
  emit(
    SurveyAnswered,
    {
      orgId: ORG,
      siteId: 'site-2',
      surveyId: randomUUID(),
      responseId: randomUUID(),
      surveyKind: 'MONTHLY_VISIT',
      period: MONTH,
      answers: [Satisfaction.SATISFIED, Satisfaction.DISSATISFIED],
      followUps: 1,
      answeredAt: '2026-10-17T03:00:00.000Z',
    },
    '2026-10-17T03:00:00Z',
    'am-b1',
  );
}

/** A seeded shuffle: the arrival order differs from the order things happened in, the same on every run. */
function shuffled<T>(list: T[], seed: number): T[] {
  const out = [...list];
  let s = seed;
  const rnd = () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

async function publishAll(list: Published[]): Promise<void> {
  for (const e of list) await svc.publish(e.contract, e.payload as any, e.id, e.meta);
}
const eventCount = async () => Number((await svc.sql<{ n: string }>('select count(*) as n from analytics_event'))[0].n);

/** Every table of the read model built from the stream, rows in a fixed order. */
async function dump(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of STREAM_TABLES) {
    const rows = await svc.sql<Record<string, unknown>>(`select * from ${table}`);
    out[table] = rows.map((r) => JSON.stringify(r, Object.keys(r).sort())).sort();
  }
  return out;
}

const REPORT = `query R($m: String!, $s: ID, $a: ID) { monthlyReport(month: $m, siteId: $s, areaId: $a) {
  month siteId areaId complaints invalid resolvedAtIntake resolved closed
  byCategory { key count } bySeverity { key count } byChannel { key count } byDepartment { key count }
  sla { deadlines metOnTime metLate breached open attainment byClock { clock deadlines metOnTime metLate breached open attainment } }
  escalations { total byLevel { key count } } extensions rework { workOrders rounds } penalties { count yuan } emergencies
  headReport { deadlines metOnTime metLate breached open attainment } acknowledgements { count meanMinutes byKind { kind count meanMinutes } }
  callbacks { resolved completed onTime late unreachable missing pending coverage } satisfaction { key count } satisfactionRate
  repeatFiled repeatComplainants { count customers { siteId areaId customerId complaints repeat } }
  topCauses { key count } correctiveActions { complaintId workOrderId department cause report }
  surveys { responses dissatisfied answers share score } submittedAt submissions { siteId dueAt submittedAt flaggedAt }
  bySite { siteId complaints invalid callbacks { resolved missing pending } sla { deadlines } }
  byArea { siteId areaId complaints callbacks { resolved completed pending missing unreachable } repeatComplainantCount escalations { total } }
} }`;
const report = (who: keyof typeof USERS, vars: { s?: string; a?: string } = {}) => ok(gql(who, REPORT, { m: MONTH, ...vars }));
const count = (list: { key: string; count: number }[], key: string) => list.find((x) => x.key === key)?.count ?? 0;

beforeAll(async () => {
  svc = await InProcessService.create(
    { def: ANALYTICS, module: (rt) => AnalyticsAppModule.forRoot(rt) },
    { clock, env: { SLA_SCAN_MS: '0' } },
  );
  ({ app, url } = await svc.start());
  for (const [k, user] of Object.entries(USERS)) tokens[k as keyof typeof USERS] = svc.token(user);
  buildMonth();
  await publishAll(shuffled(events, 7));
  await eventually(async () => (await eventCount()) === events.length, 30_000, 'analytics to store every event');
  // the last batch's transaction commits with the events it stored: the facts are there once the report shows them
  await eventually(async () => (await report('analyst')).callbacks.resolved === 5, 20_000, 'the report');
}, 120_000);

afterAll(async () => {
  await svc?.close();
});

describe('domain.md §5 monthly complaint analysis report, from events arriving in any order', () => {
  it('counts valid, invalid and at-intake complaints and the volumes by category, severity, channel and department', async () => {
    const r = await report('analyst');
    expect(r).toMatchObject({ month: MONTH, complaints: 5, invalid: 1, resolvedAtIntake: 2, resolved: 4, closed: 1 });
    expect(r.byCategory).toHaveLength(5);
    expect(r.byCategory.map((x: any) => x.key)).not.toContain('NOISE'); // the invalid one is counted apart
    expect(r.bySeverity).toEqual([
      { key: 'MINOR', count: 4 },
      { key: 'MAJOR', count: 1 },
    ]);
    expect(count(r.byChannel, 'VISIT')).toBe(2);
    expect(r.byDepartment).toEqual([
      { key: 'ENGINEERING', count: 2 },
      { key: 'SECURITY', count: 2 },
      { key: 'CLEANING', count: 1 },
      { key: 'FINANCE', count: 1 },
    ]);
  });

  it('measures SLA attainment per clock: met on time, met late, breached, open, with rework rounds', async () => {
    const r = await report('analyst');
    const clock = (c: string) => r.sla.byClock.find((x: any) => x.clock === c);
    expect(clock('PLAN')).toEqual({ clock: 'PLAN', deadlines: 5, metOnTime: 3, metLate: 0, breached: 0, open: 2, attainment: 1 });
    expect(clock('REPLY')).toEqual({ clock: 'REPLY', deadlines: 2, metOnTime: 0, metLate: 1, breached: 1, open: 0, attainment: 0 });
    expect(clock('SOLUTION_AGREED')).toMatchObject({ deadlines: 1, metLate: 1 });
    expect(clock('INVALID_REPLY')).toMatchObject({ deadlines: 1, metOnTime: 1 });
    expect(r.sla).toMatchObject({ deadlines: 11, metOnTime: 6, metLate: 2, breached: 1, open: 2, attainment: 0.6667 });
    expect(r.rework).toEqual({ workOrders: 1, rounds: 1 });
    // rule "a major complaint is reported to the asset-management head within 10 minutes": C3's was, at 5 minutes
    expect(r.headReport).toEqual({ deadlines: 1, metOnTime: 1, metLate: 0, breached: 0, open: 0, attainment: 1 });
    expect(r.extensions).toBe(1);
    expect(r.escalations).toEqual({
      total: 2,
      byLevel: [
        { key: 'DEPARTMENT_HEAD', count: 1 },
        { key: 'SITE_HEAD', count: 1 },
      ],
    });
  });

  it('domain.md §6: time to acknowledge per kind and site (the messages acknowledged in the month)', async () => {
    const group = await report('analyst');
    expect(group.acknowledgements).toEqual({
      count: 3,
      meanMinutes: 18,
      byKind: [
        { kind: 'DEADLINE_BREACHED', count: 1, meanMinutes: 30 },
        { kind: 'MAJOR_COMPLAINT', count: 1, meanMinutes: 4 },
        { kind: 'SHIFT_HANDOVER', count: 1, meanMinutes: 20 },
      ],
    });
    expect((await report('analyst', { s: 'site-2' })).acknowledgements).toEqual({
      count: 1,
      meanMinutes: 20,
      byKind: [{ kind: 'SHIFT_HANDOVER', count: 1, meanMinutes: 20 }],
    });
    const K = `{ kpis(from: "2026-10-01", to: "2026-10-31", bucket: MONTH) { period headReportsDecided headReportsOnTime headReportAttainment acknowledgements medianMinutesToAcknowledge } }`;
    expect(await ok(gql('analyst', K))).toEqual([
      {
        period: MONTH,
        headReportsDecided: 1,
        headReportsOnTime: 1,
        headReportAttainment: 1,
        acknowledgements: 3,
        medianMinutesToAcknowledge: 20,
      },
    ]);
    const building = await ok(
      gql(
        'analyst',
        `{ kpis(from: "2026-10-01", to: "2026-10-31", bucket: MONTH, category: BUILDING) { acknowledgements medianMinutesToAcknowledge } }`,
      ),
    );
    expect(building).toEqual([{ acknowledgements: 2, medianMinutesToAcknowledge: 17 }]); // C3's two, not the handover
    // the record: who acknowledged C3's messages, in the complaint's audit trail
    const trail = await ok(
      gql('analyst', `query($c: ID) { auditTrail(complaintId: $c, first: 100) { edges { node { action actor at } } } }`, { c: C.c3 }),
    );
    expect(trail.edges.map((e: any) => e.node).filter((n: any) => n.action === 'notification.acknowledged')).toEqual([
      { action: 'notification.acknowledged', actor: 'head-1', at: '2026-10-05T02:05:00.000Z' },
      { action: 'notification.acknowledged', actor: 'head-1', at: '2026-10-06T02:30:00.000Z' },
    ]);
  });

  it('counts callbacks as callbackCoverage does (on time, late, unreachable, missing, pending) and the four levels', async () => {
    const r = await report('analyst');
    expect(r.callbacks).toEqual({ resolved: 5, completed: 2, onTime: 1, late: 1, unreachable: 1, missing: 1, pending: 1, coverage: 0.4 });
    expect(r.satisfaction).toEqual([
      { key: 'VERY_SATISFIED', count: 0 },
      { key: 'SATISFIED', count: 1 },
      { key: 'BASICALLY_SATISFIED', count: 0 },
      { key: 'DISSATISFIED', count: 1 },
    ]);
    expect(r.satisfactionRate).toBe(0.5);
  });

  it('names repeat complainants (more than one complaint, or a rule-A repeat), top causes, corrective actions, fines, emergencies, surveys', async () => {
    const r = await report('analyst');
    expect(r.repeatComplainants.count).toBe(2);
    expect(r.repeatComplainants.customers).toEqual([
      { siteId: 'site-1', areaId: 'a1', customerId: CUSTOMER_X, complaints: 2, repeat: false },
      { siteId: 'site-1', areaId: 'a2', customerId: CUSTOMER_Y, complaints: 1, repeat: true },
    ]);
    expect(r.repeatFiled).toBe(1);
    expect(r.topCauses).toEqual([
      { key: 'CONSTRUCTION_QUALITY', count: 1 },
      { key: 'EQUIPMENT_FAILURE', count: 1 },
    ]);
    expect(r.correctiveActions).toEqual([
      {
        complaintId: C.c3,
        workOrderId: W.w3e,
        department: 'ENGINEERING',
        cause: 'CONSTRUCTION_QUALITY',
        report: 'replace the waterproofing of block 3 roofs',
      },
    ]);
    expect(r.penalties).toEqual({ count: 1, yuan: 6000 });
    expect(r.emergencies).toBe(1);
    // issue 31: the month's satisfaction index over the four-level answers (satisfied + dissatisfied: share 0.5, score (80 + 0) / 2)
    expect(r.surveys).toEqual({ responses: 1, dissatisfied: 1, answers: 2, share: 0.5, score: 40 });
  });

  it('gives the same figures per site and per area, and the group is their sum', async () => {
    const group = await report('analyst');
    const s1 = await report('analyst', { s: 'site-1' });
    const s2 = await report('analyst', { s: 'site-2' });
    expect([s1.complaints, s2.complaints]).toEqual([3, 2]);
    expect([s1.invalid, s2.invalid]).toEqual([0, 1]);
    expect(s1.callbacks).toMatchObject({ resolved: 3, completed: 2, pending: 1, missing: 0 });
    expect(s2.callbacks).toMatchObject({ resolved: 2, unreachable: 1, missing: 1, pending: 0 });
    expect(s1.penalties.yuan + s2.penalties.yuan).toBe(group.penalties.yuan);
    expect(s1.sla.deadlines + s2.sla.deadlines).toBe(group.sla.deadlines);
    expect(group.bySite.map((s: any) => [s.siteId, s.complaints, s.callbacks.resolved])).toEqual([
      ['site-1', 3, 3],
      ['site-2', 2, 2],
    ]);
    const a2 = await report('analyst', { s: 'site-1', a: 'a2' });
    expect(a2).toMatchObject({ areaId: 'a2', complaints: 1, bySeverity: [{ key: 'MAJOR', count: 1 }] });
    expect(a2.callbacks).toMatchObject({ resolved: 2, completed: 1, pending: 1 });
    expect(group.byArea.map((a: any) => [a.siteId, a.areaId, a.complaints, a.repeatComplainantCount, a.escalations.total])).toEqual([
      ['site-1', 'a1', 2, 1, 0],
      ['site-1', 'a2', 1, 1, 2],
      ['site-2', 'b1', 2, 0, 0],
    ]);
  });

  it('shows a site-scoped analyst only the sites in the token (tenant scope)', async () => {
    const r = await report('analystSite2');
    expect(r.complaints).toBe(2);
    expect(r.bySite.map((s: any) => s.siteId)).toEqual(['site-2']);
    expect(r.repeatComplainants.customers).toEqual([]);
    expect(errorOf(await gql('analystSite2', REPORT, { m: MONTH, s: 'site-1' }))?.code).toBe('FORBIDDEN');
    expect(errorOf(await gql('analyst', REPORT, { m: '2026-13' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'month' });
  });
});

describe("domain.md §5 the month's complaint list (上报表格)", () => {
  it('lists every valid complaint with its handling, oldest first, page by page', async () => {
    const Q = `query($m: String!, $after: String) { monthlyComplaints(month: $m, first: 2, after: $after) {
      edges { node { complaintId siteId areaId category severity departments rounds cause deadlinesMet deadlinesBreached deadlinesOpen
        handling { department plan handlerId resolution cause status round } callback { round status satisfaction } } }
      pageInfo { hasNextPage endCursor } } }`;
    const seen: any[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const c: any = await ok(gql('analyst', Q, { m: MONTH, after }));
      seen.push(...c.edges.map((e: any) => e.node));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(seen.map((n) => n.complaintId)).toEqual([C.c1, C.c3, C.c5, C.c6, C.c2]);
    const c3 = seen.find((n) => n.complaintId === C.c3);
    expect(c3).toMatchObject({
      severity: 'MAJOR',
      departments: ['ENGINEERING', 'SECURITY'],
      rounds: 2,
      cause: 'CONSTRUCTION_QUALITY',
      deadlinesMet: 3,
      deadlinesBreached: 1,
      deadlinesOpen: 1,
    });
    expect(c3.handling.find((h: any) => h.department === 'ENGINEERING')).toMatchObject({
      plan: '重做防水层',
      handlerId: 'eng-7',
      status: 'REOPENED',
      round: 2,
    });
    expect(c3.callback).toEqual({ round: 2, status: 'OPEN', satisfaction: null });
    expect(seen.find((n) => n.complaintId === C.c1).callback).toEqual({ round: 1, status: 'DONE', satisfaction: 'SATISFIED' });
    expect(errorOf(await gql('analyst', Q, { m: MONTH, after: 'bm90LWEtY3Vyc29y' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
  });
});

describe('domain.md §5 KPIs, case library, product suggestions, trail', () => {
  it('buckets KPIs by day, week and month, filterable by category and department', async () => {
    const K = `query($b: KpiBucket!, $c: Category, $d: Department) { kpis(from: "2026-10-01", to: "2026-10-31", bucket: $b, category: $c, department: $d) {
      period complaints slaDeadlines slaMetOnTime slaAttainment callbacksOwed callbacksCompleted callbackCoverage satisfactionRate repeatComplaints repeatRate medianHoursToPlan medianHoursToResolve } }`;
    const month = await ok(gql('analyst', K, { b: 'MONTH' }));
    expect(month).toEqual([
      expect.objectContaining({
        period: MONTH,
        complaints: 5,
        callbacksOwed: 5,
        callbacksCompleted: 2,
        callbackCoverage: 0.4,
        satisfactionRate: 0.5,
        repeatComplaints: 1,
        repeatRate: 0.2,
      }),
    ]);
    // C1 planned 30 min after receipt, C3 45 min: median 0.63 h; resolved after 23 h (C1), 0 (C5, C6), 72 h (C3)
    expect(month[0].medianHoursToPlan).toBeCloseTo(0.63, 2);
    expect(month[0].medianHoursToResolve).toBeCloseTo(11.5, 2);
    const days = await ok(gql('analyst', K, { b: 'DAY' }));
    expect(days.find((x: any) => x.period === '2026-10-02')).toMatchObject({ complaints: 1, slaDeadlines: 3, slaMetOnTime: 2 });
    const weeks = await ok(gql('analyst', K, { b: 'WEEK' }));
    expect(weeks.map((w: any) => w.period).every((p: string) => new Date(`${p}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
    const building = await ok(gql('analyst', K, { b: 'MONTH', c: 'BUILDING' }));
    expect(building[0]).toMatchObject({ complaints: 1, repeatComplaints: 1, callbacksOwed: 2 });
    const finance = await ok(gql('analyst', K, { b: 'MONTH', d: 'FINANCE' }));
    expect(finance[0]).toMatchObject({ complaints: 1, slaDeadlines: 2 });
    const bad = await gql('analyst', `{ kpis(from: "2026-10-31", to: "2026-10-01", bucket: DAY) { period } }`);
    expect(errorOf(bad)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });

  it('keeps typical cases without the customer, found by Chinese text, category, severity and tags', async () => {
    const ADD = `mutation($i: AddToCaseLibraryInput!) { addToCaseLibrary(input: $i) { id complaintId severity category cause title tags } }`;
    const input = {
      complaintId: C.c3,
      title: '屋面渗漏',
      summary: '三号楼屋面防水层施工时基层潮湿,雨季渗漏。',
      lessons: '防水施工前检查基层含水率',
      tags: ['防水', 'roof'],
    };
    const phone = await gql('quality', ADD, { i: { ...input, summary: '业主 13812345678 反映渗漏' } });
    expect(errorOf(phone)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'summary' });
    expect(errorOf(await gql('quality', ADD, { i: { ...input, complaintId: C.c2 } }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'complaintId',
    });
    expect(errorOf(await gql('analyst', ADD, { i: input }))?.code).toBe('FORBIDDEN');
    const entry = await ok(gql('quality', ADD, { i: input }));
    expect(entry).toMatchObject({
      complaintId: C.c3,
      severity: 'MAJOR',
      category: 'BUILDING',
      cause: 'CONSTRUCTION_QUALITY',
      tags: ['防水', 'roof'],
    });
    expect(errorOf(await gql('quality', ADD, { i: input }))?.code).toBe('CONFLICT');
    const S = `query($s: String, $t: [String!], $c: Category) { caseLibrary(search: $s, tags: $t, category: $c) { edges { node { id title } } } }`;
    expect((await ok(gql('desk', S, { s: '防水' }))).edges).toHaveLength(1);
    expect((await ok(gql('desk', S, { t: ['roof'], c: 'BUILDING' }))).edges).toHaveLength(1);
    expect((await ok(gql('desk', S, { s: '电梯' }))).edges).toHaveLength(0);
    expect((await ok(gql('analystSite2', S, {}))).edges).toHaveLength(0); // site-1's case is not site-2's
  });

  it('feeds product-quality complaints by site, category and cause for engineering to edit into suggestions', async () => {
    const Q = `query($m: String!) { productSuggestions(month: $m) { siteId category cause complaints major suggestion editedBy } }`;
    const feed = await ok(gql('analyst', Q, { m: MONTH }));
    expect(feed).toEqual([
      { siteId: 'site-1', category: 'BUILDING', cause: 'CONSTRUCTION_QUALITY', complaints: 1, major: 1, suggestion: null, editedBy: null },
      { siteId: 'site-1', category: 'EQUIPMENT', cause: 'EQUIPMENT_FAILURE', complaints: 1, major: 0, suggestion: null, editedBy: null },
    ]);
    const E = `mutation($i: EditProductSuggestionInput!) { editProductSuggestion(input: $i) { suggestion editedBy } }`;
    const i = { month: MONTH, siteId: 'site-1', category: 'BUILDING', cause: 'CONSTRUCTION_QUALITY', suggestion: '屋面防水改用双层卷材' };
    expect(await ok(gql('engineeringHead', E, { i }))).toEqual({ suggestion: '屋面防水改用双层卷材', editedBy: 'eng-head' });
    expect(errorOf(await gql('engineeringHead', E, { i: { ...i, cause: 'STAFF_CONDUCT' } }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'cause',
    });
    expect((await ok(gql('analyst', Q, { m: MONTH })))[0].suggestion).toBe('屋面防水改用双层卷材');
  });

  it('traces who did what, when and on which channel, per complaint and per actor', async () => {
    const T = `query($c: ID, $a: ID, $after: String) { auditTrail(complaintId: $c, actor: $a, first: 3, after: $after) {
      edges { node { action step actor channel at caseId } } pageInfo { hasNextPage endCursor } } }`;
    const first = await ok(gql('siteHead', T, { c: C.c1 }));
    expect(first.edges[0].node).toMatchObject({ action: 'complaint.filed', actor: 'desk-1', channel: 'PHONE', caseId: C.c1 });
    expect(first.edges[2].node).toMatchObject({ action: 'workorder.recorded', step: 'PLAN_SIGNED_OFF', actor: 'eng-head' });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await ok(gql('siteHead', T, { c: C.c1, after: first.pageInfo.endCursor }));
    expect(rest.edges.map((e: any) => e.node.action)).toEqual(['sla.breached', 'workorder.resolved', 'complaint.resolved']);
    const byActor = await ok(gql('siteHead', T, { a: 'eng-head' }));
    expect(byActor.edges.map((e: any) => e.node.actor)).toEqual(['eng-head', 'eng-head', 'eng-head']);
  });
});

describe('domain.md §5 report submission, the archive and its two years', () => {
  it('freezes the submitted figures; late events no longer change them; the group is submitted only when every site is', async () => {
    const SUBMIT = `mutation($i: SubmitMonthlyReportInput!) { submitMonthlyReport(input: $i) { siteId complaints submittedAt } }`;
    expect(errorOf(await gql('analyst', SUBMIT, { i: { month: MONTH, siteId: 'site-1', commentary: 'x' } }))?.code).toBe('FORBIDDEN');
    const submitted = await ok(gql('qualitySite1', SUBMIT, { i: { month: MONTH, commentary: '渗漏问题集中在三号楼' } }));
    expect(submitted).toMatchObject({ siteId: null, complaints: 3, submittedAt: clock.now().toISOString() });
    expect(errorOf(await gql('qualitySite1', SUBMIT, { i: { month: MONTH, siteId: 'site-1', commentary: 'again' } }))?.code).toBe(
      'CONFLICT',
    );

    // a late paper record of October at site-1 arrives after the submission
    const late = randomUUID();
    await svc.publish(
      ComplaintFiled,
      intake(late, 'site-1', 'a1', 'cust-late', Category.GREENERY, Channel.LETTER, [Department.CLEANING], '2026-10-18T02:00:00.000Z'),
      undefined,
      { actor: 'desk-1' },
    );
    await eventually(
      async () => (await svc.sql('select 1 from complaint_fact where complaint_id = $1', [late])).length === 1,
      20_000,
      'the late complaint',
    );
    const group = await report('analyst');
    expect(group.bySite.find((s: any) => s.siteId === 'site-1').complaints).toBe(3); // frozen
    expect(group.submittedAt).toBeNull(); // site-2 is not submitted
    expect(group.submissions.map((s: any) => [s.siteId, !!s.submittedAt])).toEqual([
      ['site-1', true],
      ['site-2', false],
    ]);
  });

  it("flags a site's report not submitted by the end of the month's last day (durable timer)", async () => {
    clock.set('2026-10-31T15:59:59Z'); // 23:59:59 in Shanghai: still in time
    await app.get(AnalyticsScheduler).tick();
    expect((await report('analyst')).submissions.find((s: any) => s.siteId === 'site-2').flaggedAt).toBeNull();
    clock.set('2026-10-31T16:00:00Z');
    const fired = await app.get(AnalyticsScheduler).tick();
    expect(fired.fired['overdue monthly reports']).toBe(1);
    const r = await report('analyst');
    expect(r.submissions.find((s: any) => s.siteId === 'site-2')).toMatchObject({
      dueAt: '2026-10-31T16:00:00.000Z',
      flaggedAt: '2026-10-31T16:00:00.000Z',
    });
    expect(r.submissions.find((s: any) => s.siteId === 'site-1').flaggedAt).toBeNull();
    expect((await app.get(AnalyticsScheduler).tick()).total).toBe(0); // once
  });

  it('archives a closed complaint as one file, and purges it two years after closing, leaving the purge in the trail', async () => {
    const A = `query($c: ID!) { complaintArchive(complaintId: $c) { complaintId siteId closedAt purgeAt document } }`;
    const archive = await ok(gql('siteHead', A, { c: C.c4 }));
    expect(archive).toMatchObject({
      complaintId: C.c4,
      siteId: 'site-2',
      closedAt: '2026-10-06T08:00:00.000Z',
      purgeAt: '2028-10-06T08:00:00.000Z',
    });
    const doc = JSON.parse(archive.document);
    expect(doc.intake).toMatchObject({ complaintId: C.c4, reason: 'not our premises' });
    expect(doc.invalidReply.closedBy).toBe('rep-1');
    expect(doc.trail.map((t: any) => t.actor)).toEqual(['desk-2', 'rep-1']);
    expect(errorOf(await gql('siteHead', A, { c: C.c2 }))?.code).toBe('NOT_FOUND'); // open: no archive yet
    expect(errorOf(await gql('analystSite2', A, { c: C.c4 }))?.code).toBe('FORBIDDEN'); // not a records keeper

    clock.set('2028-10-06T07:59:59Z');
    expect((await app.get(AnalyticsScheduler).tick()).fired['expired archives']).toBe(0);
    clock.set('2028-10-06T08:00:00Z');
    expect((await app.get(AnalyticsScheduler).tick()).fired['expired archives']).toBe(1);
    await eventually(async () => errorOf(await gql('siteHead', A, { c: C.c4 }))?.code === 'NOT_FOUND', 20_000, 'the purge');
    const trail = await ok(
      gql('siteHead', `query($c: ID) { auditTrail(complaintId: $c) { edges { node { action actor } } } }`, { c: C.c4 }),
    );
    expect(trail.edges.map((e: any) => e.node)).toEqual([{ action: 'archive.purged', actor: 'system' }]);
    // the figures stay: the month still counts the invalid complaint
    expect((await report('analyst')).invalid).toBe(1);
  });
});

describe('rebuilding the read model from the stream', () => {
  let nc: NatsConnection;
  beforeAll(async () => {
    nc = await connect({ servers: svc.config.NATS_URL });
    const total = async () => (await (await nc.jetstreamManager()).streams.info(streamName(svc.config.NATS_NAMESPACE))).state.messages;
    // everything published (the purge and the timers' events included) has been applied
    await eventually(async () => (await total()) > 0 && (await svc.sql('select 1 from analytics_event')).length > 0, 20_000, 'the stream');
  });
  afterAll(async () => {
    await nc?.close();
  });

  it('npm run analytics:rebuild ends with a read model equal to the live one', async () => {
    const live = await dump();
    const progress: string[] = [];
    const result = await rebuildReadModel(knexOf(app.get(MikroORM)), nc, svc.config.NATS_NAMESPACE, {
      batch: 7,
      onProgress: (p) => progress.push(p.phase),
    });
    expect(result.parked).toEqual([]);
    expect(result.events).toBeGreaterThanOrEqual(events.length);
    expect(new Set(progress)).toEqual(new Set(['replay', 'fold', 'aggregate']));
    expect(await dump()).toEqual(live);
  });

  it('a shuffled replay in batches of any size gives the same read model (idempotent, order-independent)', async () => {
    const live = await dump();
    const db = knexOf(app.get(MikroORM));
    for (const table of STREAM_TABLES) await db(table).delete();
    const stream = streamName(svc.config.NATS_NAMESPACE);
    const consumer = await nc.jetstream().consumers.get(stream); // ordered, from the first message
    const info = await (await nc.jetstreamManager()).streams.info(stream);
    const all = [];
    const messages = await consumer.consume();
    for await (const m of messages) {
      const d = decodeMessage(svc.config.NATS_NAMESPACE, m.subject, StringCodec().decode(m.data));
      if (d.ok) all.push(d.event);
      if (m.seq >= info.state.last_seq) break;
    }
    await messages.close();
    const order = shuffled(all, 42);
    // every event twice (a redelivery) and in uneven batches
    const replay = [...order, ...shuffled(all, 9)];
    for (let i = 0, size = 1; i < replay.length; i += size, size = (size % 5) + 1) await applyEvents(db, replay.slice(i, i + size));
    expect(await dump()).toEqual(live);
  });
});
