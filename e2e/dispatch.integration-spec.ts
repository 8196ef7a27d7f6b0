import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import {
  CallbackCompleted,
  CallbackDissatisfied,
  Category,
  Channel,
  ComplaintFiled,
  ComplaintSeverityChanged,
  Department,
  NotificationAcknowledged,
  NotificationKind,
  Role,
  SeverityChangeReason,
  Severity,
  StaffSaved,
  type ComplaintFiledV1,
} from '@pc/contracts';
import { DISPATCH, DispatchAppModule, SlaScheduler } from '@pc/dispatch';
import { Housekeeping, OutboxRelay } from '@pc/messaging';
import { ManualClock, type AuthUser } from '@pc/platform';
import { InProcessService, eventually, postGraphql } from '../tools/harness';
import { WORK_ORDER_FIELDS, handleToResolution, informCustomer, ok, planAndAssign, resolve, type Steps } from './work-order-steps';

/**
 * Real: the dispatch subgraph (in this process, with a ManualClock), PostgreSQL, NATS JetStream.
 * Mocked: nothing; the other services are stood in for by publishing their events on the bus.
 * The scheduler's own interval is off: each test moves the clock and runs a tick.
 */
const H = 3_600_000;
const ORG = 'org-d';
const SITE = 'site-d';
const user = (sub: string, roles: Role[], department?: Department): AuthUser => ({ sub, org: ORG, sites: [SITE], roles, department });
const USERS = {
  staff: user('eng-staff', [Role.DEPARTMENT_STAFF], Department.ENGINEERING),
  head: user('eng-head', [Role.DEPARTMENT_HEAD], Department.ENGINEERING),
  securityStaff: user('sec-staff', [Role.DEPARTMENT_STAFF], Department.SECURITY),
  areaManager: user('area-mgr', [Role.AREA_MANAGER]),
  siteHead: user('site-head', [Role.SITE_HEAD]),
  frontDesk: user('front-desk', [Role.FRONT_DESK]),
  quality: user('quality-1', [Role.QUALITY], Department.QUALITY),
  leadership: user('leader-1', [Role.LEADERSHIP], Department.LEADERSHIP),
  otherSite: { sub: 'x', org: ORG, sites: ['elsewhere'], roles: [Role.SITE_HEAD] } as AuthUser,
};

let svc: InProcessService;
let clock: ManualClock;
let app: INestApplication;
let url: string;
const tokens = {} as Record<keyof typeof USERS, string>;
const gql = (token: string, query: string, variables?: Record<string, unknown>) => postGraphql(url, token, query, variables);
let steps: Steps;

async function file(
  over: Partial<ComplaintFiledV1> = {},
): Promise<{ complaintId: string; workOrders: { id: string; department: string }[] }> {
  const complaintId = randomUUID();
  const receivedAt = over.receivedAt ?? clock.now().toISOString();
  await svc.publish(ComplaintFiled, {
    orgId: ORG,
    siteId: SITE,
    complaintId,
    areaId: 'area-1',
    areaManagerId: 'area-mgr',
    customerId: 'cust-1',
    channel: Channel.PHONE,
    category: Category.EQUIPMENT,
    severity: Severity.MINOR,
    circumstances: [],
    serious: false,
    urgent: false,
    departments: [Department.ENGINEERING],
    receivedBy: 'front-desk',
    replyDueAt: new Date(new Date(receivedAt).getTime() + 2 * 24 * H).toISOString(),
    timeZone: 'Asia/Shanghai',
    ...over,
    receivedAt,
  });
  const departments = over.departments ?? [Department.ENGINEERING];
  const workOrders = await eventually(
    async () => {
      const rows = await svc.sql<{ id: string; department: string }>(
        `select id, department from work_order where complaint_id = $1 order by lead desc`,
        [complaintId],
      );
      return rows.length === departments.length ? rows : undefined;
    },
    20_000,
    'the work orders',
  );
  return { complaintId, workOrders };
}

const tick = () => app.get(SlaScheduler).tick();
const workOrder = (id: string, extra = '') =>
  ok(gql(tokens.siteHead, `query($id: ID!) { workOrder(id: $id) { ${WORK_ORDER_FIELDS} overdue ${extra} } }`, { id }));
const clockOf = (wo: any, clock: string, round = 1) => wo.deadlines.find((d: any) => d.clock === clock && d.round === round);
const breachEvents = async (workOrderId: string) =>
  (await svc.sql<{ body: string }>(`select body from outbox_event where subject = 'sla.breached' order by seq`))
    .map((r) => JSON.parse(r.body).payload)
    .filter((p) => p.workOrderId === workOrderId);
const errorOf = (r: { errors?: any[] }) => r.errors?.[0]?.extensions;

beforeAll(async () => {
  clock = new ManualClock('2026-11-02T01:00:00Z'); // a Monday, 09:00 in Shanghai
  svc = await InProcessService.create(
    { def: DISPATCH, module: (rt) => DispatchAppModule.forRoot(rt) },
    { clock, env: { SLA_SCAN_MS: '0' } },
  );
  ({ app, url } = await svc.start());
  for (const [k, u] of Object.entries(USERS)) tokens[k as keyof typeof USERS] = svc.token(u);
  await svc.announceRegistry(ORG, [SITE]);
  await svc.announceStaff([USERS.staff, USERS.head, USERS.securityStaff, USERS.areaManager, USERS.siteHead, USERS.frontDesk]);
  steps = { gql, staff: tokens.staff, head: tokens.head, handlerId: 'eng-staff' };
});

afterAll(async () => {
  await svc?.close();
});

describe('domain.md §3 handling: the lifecycle of a work order', () => {
  it('has the department write the handling plan and its head sign it off within 1 hour (PLAN), then name a handler', async () => {
    const { workOrders } = await file();
    const id = workOrders[0].id;
    await ok(
      gql(tokens.staff, `mutation($i: RecordHandlingPlanInput!) { recordHandlingPlan(input: $i) { id } }`, {
        i: { workOrderId: id, plan: 'Check the lift controller.' },
      }),
    );
    const bySelf = await gql(tokens.staff, `mutation($id: ID!) { signOffHandlingPlan(workOrderId: $id) { id } }`, { id });
    expect(errorOf(bySelf)).toMatchObject({ code: 'FORBIDDEN' });

    clock.advance(20 * 60_000);
    const signed = await ok(
      gql(tokens.head, `mutation($id: ID!) { signOffHandlingPlan(workOrderId: $id) { ${WORK_ORDER_FIELDS} planSignedOffBy } }`, { id }),
    );
    expect(signed).toMatchObject({ status: 'PLANNED', planSignedOffBy: 'eng-head' });
    expect(clockOf(signed, 'PLAN')).toMatchObject({ metAt: clock.now().toISOString(), breachedAt: null });

    const assigned = await ok(
      gql(tokens.head, `mutation($i: AssignHandlerInput!) { assignHandler(input: $i) { ${WORK_ORDER_FIELDS} } }`, {
        i: { workOrderId: id, handlerId: 'eng-staff' },
      }),
    );
    expect(assigned).toMatchObject({ status: 'ASSIGNED', handlerId: 'eng-staff' });
  });

  it('refuses illegal transitions with a clear error naming what must come first', async () => {
    const { workOrders } = await file();
    const id = workOrders[0].id;
    const early = await gql(tokens.staff, `mutation($i: ResolveWorkOrderInput!) { resolveWorkOrder(input: $i) { id } }`, {
      i: { workOrderId: id, resolution: 'r', cause: 'EQUIPMENT_FAILURE', causeAnalysis: 'c', preventiveAction: 'p' },
    });
    expect(errorOf(early)).toMatchObject({ code: 'CONFLICT', field: 'workOrderId' });
    expect(early.errors![0].message).toMatch(
      /cannot resolve while the work order is RECEIVED: the handling plan must first be written and signed off/,
    );

    const assign = await gql(tokens.head, `mutation($i: AssignHandlerInput!) { assignHandler(input: $i) { id } }`, {
      i: { workOrderId: id, handlerId: 'eng-staff' },
    });
    expect(errorOf(assign)).toMatchObject({ code: 'CONFLICT' });
    const signOffWithoutPlan = await gql(tokens.head, `mutation($id: ID!) { signOffHandlingPlan(workOrderId: $id) { id } }`, { id });
    expect(errorOf(signOffWithoutPlan)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'workOrderId' });
    const close = await gql(tokens.head, `mutation($id: ID!) { closeWorkOrder(workOrderId: $id) { id } }`, { id });
    expect(errorOf(close)).toMatchObject({ code: 'CONFLICT' });
    const progress = await gql(tokens.staff, `mutation($i: RecordProgressInput!) { recordProgress(input: $i) { id } }`, {
      i: { workOrderId: id, note: 'x' },
    });
    expect(errorOf(progress)).toMatchObject({ code: 'CONFLICT' });
    expect((await workOrder(id)).status).toBe('RECEIVED');
  });

  it('keeps the customer informed: informing meets REPLY and the 24-hour FEEDBACK of a minor complaint, at the time they were told', async () => {
    const { workOrders } = await file();
    const id = workOrders[0].id;
    await planAndAssign(steps, id);
    const future = await gql(tokens.staff, `mutation($i: RecordProgressInput!) { recordProgress(input: $i) { id } }`, {
      i: { workOrderId: id, note: 'n', customerInformed: { at: new Date(clock.now().getTime() + H).toISOString(), via: 'PHONE' } },
    });
    expect(errorOf(future)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'customerInformed.at' });

    const toldAt = new Date(clock.now().getTime() - 60_000);
    const wo = await informCustomer(steps, id, toldAt);
    expect(wo.status).toBe('IN_PROGRESS');
    expect(clockOf(wo, 'REPLY').metAt).toBe(toldAt.toISOString());
    expect(clockOf(wo, 'FEEDBACK').metAt).toBe(toldAt.toISOString());
    expect(clockOf(wo, 'MAJOR_UPGRADE').metAt).toBeNull();
    const notes = await workOrder(id, 'progress { note by customerInformedAt customerInformedVia }');
    expect(notes.progress).toEqual([
      { note: 'Technician on the way.', by: 'eng-staff', customerInformedAt: toldAt.toISOString(), customerInformedVia: 'PHONE' },
    ]);
  });

  it('resolves only with cause analysis and preventive action; a major complaint also needs its corrective-action report', async () => {
    const { complaintId, workOrders } = await file({ severity: Severity.MAJOR });
    const id = workOrders[0].id;
    await planAndAssign(steps, id);
    const missing = await gql(tokens.staff, `mutation($i: ResolveWorkOrderInput!) { resolveWorkOrder(input: $i) { id } }`, {
      i: { workOrderId: id, resolution: 'Fixed', cause: 'EQUIPMENT_FAILURE', causeAnalysis: '  ', preventiveAction: 'p' },
    });
    expect(errorOf(missing)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'causeAnalysis' });
    // domain.md §5 top causes: a countable cause next to the free-text analysis
    const noCause = await gql(tokens.staff, `mutation($i: ResolveWorkOrderInput!) { resolveWorkOrder(input: $i) { id } }`, {
      i: { workOrderId: id, resolution: 'Fixed', causeAnalysis: 'c', preventiveAction: 'p', correctiveActionReport: 'r' },
    });
    expect(errorOf(noCause)).toMatchObject({ code: 'BAD_USER_INPUT' });
    const noReport = await gql(tokens.staff, `mutation($i: ResolveWorkOrderInput!) { resolveWorkOrder(input: $i) { id } }`, {
      i: { workOrderId: id, resolution: 'Fixed', cause: 'EQUIPMENT_FAILURE', causeAnalysis: 'c', preventiveAction: 'p' },
    });
    expect(errorOf(noReport)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'correctiveActionReport' });
    const done = await resolve(steps, id, {
      correctiveActionReport: 'Controller replaced across the estate.',
      customerInformed: { at: clock.now().toISOString(), via: 'VISIT' },
    });
    expect(done.status).toBe('RESOLVED');
    expect((await workOrder(id, 'cause')).cause).toBe('EQUIPMENT_FAILURE');
    expect(
      await svc.sql(`select 1 from outbox_event where subject = 'complaint.resolved' and body like $1`, [`%${complaintId}%`]),
    ).toHaveLength(1);
    const [resolvedEvent] = await svc.sql<{ body: string }>(
      `select body from outbox_event where subject = 'workorder.resolved' and body like $1`,
      [`%${id}%`],
    );
    expect(JSON.parse(resolvedEvent.body)).toMatchObject({ actor: 'eng-staff', payload: { cause: 'EQUIPMENT_FAILURE' } });
  });

  it("records the customer's confirmation only as given by the customer who complained, never signed on their behalf", async () => {
    const { workOrders } = await file();
    const id = workOrders[0].id;
    await handleToResolution(steps, id, clock.now());
    const confirm = (i: Record<string, unknown>) =>
      gql(tokens.staff, `mutation($i: ConfirmResolutionInput!) { confirmResolution(input: $i) { ${WORK_ORDER_FIELDS} confirmedAt } }`, {
        i: { workOrderId: id, ...i },
      });
    expect(errorOf(await confirm({ customerId: 'someone-else', signature: 'scan-1.pdf' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'customerId',
    });
    expect(errorOf(await confirm({ customerId: 'eng-staff', signature: 'scan-1.pdf' }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await confirm({ customerId: 'cust-1', signature: ' ' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'signature' });
    const confirmed = await ok(confirm({ customerId: 'cust-1', signature: 'scan-1.pdf' }));
    expect(confirmed.status).toBe('CONFIRMED');
    const closed = await ok(gql(tokens.head, `mutation($id: ID!) { closeWorkOrder(workOrderId: $id) { status closedAt } }`, { id }));
    expect(closed).toEqual({ status: 'CLOSED', closedAt: clock.now().toISOString() });
  });

  it('has the area manager report a major complaint to the head within 10 minutes and agree a solution within 12 hours', async () => {
    const { workOrders } = await file({ severity: Severity.MAJOR });
    const id = workOrders[0].id;
    const fresh = await workOrder(id);
    expect(clockOf(fresh, 'REPORT_TO_HEAD').dueAt).toBe(new Date(clock.now().getTime() + 10 * 60_000).toISOString());
    expect(clockOf(fresh, 'SOLUTION_AGREED').dueAt).toBe(new Date(clock.now().getTime() + 12 * H).toISOString());
    const byStaff = await gql(tokens.staff, `mutation($i: ReportToHeadInput!) { reportToHead(input: $i) { id } }`, {
      i: { workOrderId: id, reportedTo: 'site-head' },
    });
    expect(errorOf(byStaff)).toMatchObject({ code: 'FORBIDDEN' });
    clock.advance(5 * 60_000);
    const reported = await ok(
      gql(tokens.areaManager, `mutation($i: ReportToHeadInput!) { reportToHead(input: $i) { ${WORK_ORDER_FIELDS} } }`, {
        i: { workOrderId: id, reportedTo: 'site-head' },
      }),
    );
    expect(clockOf(reported, 'REPORT_TO_HEAD')).toMatchObject({ metAt: clock.now().toISOString(), breachedAt: null });
    clock.advance(13 * H);
    await tick();
    const agreed = await ok(
      gql(tokens.areaManager, `mutation($i: AgreeSolutionInput!) { recordAgreedSolution(input: $i) { ${WORK_ORDER_FIELDS} } }`, {
        i: { workOrderId: id, solution: 'Replace the controller on Friday.', agreed: { at: clock.now().toISOString(), via: 'VISIT' } },
      }),
    );
    const solution = clockOf(agreed, 'SOLUTION_AGREED');
    expect(solution.metAt).toBe(clock.now().toISOString());
    expect(solution.breachedAt).toBe(solution.dueAt); // met late: breached at its due time, and it fired once
    expect((await breachEvents(id)).map((e) => e.clock)).toEqual(['PLAN', 'SOLUTION_AGREED']); // nobody signed a plan either
  });

  it("rule \"the head's acknowledgement meets REPORT_TO_HEAD\" (domain.md §6): notify's acknowledgement reports the case; the duty director's does not", async () => {
    const { complaintId, workOrders } = await file({ severity: Severity.MAJOR });
    const id = workOrders[0].id;
    const createdAt = clock.now().toISOString();
    const ack = (over: Partial<Record<string, unknown>>) =>
      svc.publish(NotificationAcknowledged, {
        orgId: ORG,
        siteId: SITE,
        complaintId,
        notificationId: randomUUID(),
        kind: NotificationKind.MAJOR_COMPLAINT,
        recipientId: 'site-head',
        recipientRoles: [Role.SITE_HEAD],
        createdAt,
        acknowledgedAt: new Date(clock.now().getTime() + 6 * 60_000).toISOString(),
        ...over,
      });
    // up the ladder: the duty director's acknowledgement is not the report to the head
    await ack({ kind: NotificationKind.UNACKNOWLEDGED, recipientId: 'director-1', recipientRoles: [Role.COMPLAINT_REP] });
    await ack({ recipientId: 'director-1', recipientRoles: [Role.COMPLAINT_REP] });
    await ack({ acknowledgedAt: new Date(clock.now().getTime() + 7 * 60_000).toISOString() });
    const reported = await eventually(
      async () => {
        const wo = await workOrder(id);
        return clockOf(wo, 'REPORT_TO_HEAD').metAt ? wo : undefined;
      },
      20_000,
      'the report to the head',
    );
    expect(clockOf(reported, 'REPORT_TO_HEAD')).toMatchObject({
      metAt: new Date(clock.now().getTime() + 7 * 60_000).toISOString(),
      breachedAt: null,
    });
    const [row] = await svc.sql<{ reported_to: string; reported_to_head_at: Date }>(
      `select reported_to, reported_to_head_at from work_order where id = $1`,
      [id],
    );
    expect(row.reported_to).toBe('site-head');
    // a redelivered acknowledgement (or a second one) changes nothing: one handling record per report
    await ack({ acknowledgedAt: new Date(clock.now().getTime() + 8 * 60_000).toISOString() });
    await new Promise((r) => setTimeout(r, 1500));
    expect(clockOf(await workOrder(id), 'REPORT_TO_HEAD').metAt).toBe(new Date(clock.now().getTime() + 7 * 60_000).toISOString());
    const recorded = (await svc.sql<{ body: string }>(`select body from outbox_event where subject = 'workorder.recorded'`))
      .map((r) => JSON.parse(r.body).payload)
      .filter((p) => p.workOrderId === id && p.step === 'REPORTED_TO_HEAD');
    expect(recorded).toHaveLength(1);
  });
});

describe('domain.md §3 deadlines: breach, escalation, extension', () => {
  it('fires a passed deadline once, never early, publishes sla.breached and escalates handler → department head → site head → leadership with the full history', async () => {
    const { workOrders } = await file();
    const id = workOrders[0].id;
    const start = clock.now().getTime();
    clock.set(new Date(start + H - 1));
    await tick();
    expect(await breachEvents(id)).toHaveLength(0); // 1 ms before PLAN is due: nothing

    clock.set(new Date(start + H));
    await tick();
    await tick();
    let wo = await workOrder(id, 'escalations { from to reason clock by }');
    expect(clockOf(wo, 'PLAN')).toMatchObject({ breachedAt: new Date(start + H).toISOString(), metAt: null });
    expect(wo.escalationLevel).toBe('DEPARTMENT_HEAD');
    expect(wo.overdue).toBe(true);
    expect(await breachEvents(id)).toEqual([
      expect.objectContaining({ clock: 'PLAN', department: 'ENGINEERING', dueAt: new Date(start + H).toISOString() }),
    ]);

    clock.set(new Date(start + 24 * H)); // FEEDBACK (24 h) is due; REPLY (48 h) is not yet
    await tick();
    clock.set(new Date(start + 48 * H));
    await tick();
    clock.set(new Date(start + 240 * H));
    await tick();
    await tick();
    wo = await workOrder(id, 'escalations { from to reason clock by }');
    expect((await breachEvents(id)).map((e) => e.clock)).toEqual(['PLAN', 'FEEDBACK', 'REPLY', 'MAJOR_UPGRADE']);
    expect(wo.escalations.map((e: any) => [e.from, e.to, e.clock, e.by])).toEqual([
      ['HANDLER', 'DEPARTMENT_HEAD', 'PLAN', 'system'],
      ['DEPARTMENT_HEAD', 'SITE_HEAD', 'FEEDBACK', 'system'],
      ['SITE_HEAD', 'LEADERSHIP', 'REPLY', 'system'],
      ['LEADERSHIP', 'LEADERSHIP', 'MAJOR_UPGRADE', 'system'],
    ]);
    expect(wo.escalationLevel).toBe('LEADERSHIP');
    expect(await svc.sql(`select 1 from deadline where work_order_id = $1 and fired_at < due_at`, [id])).toHaveLength(0);
  });

  it('escalates by hand to a named higher level with a reason; the clocks keep running', async () => {
    const { workOrders } = await file();
    const id = workOrders[0].id;
    const before = await workOrder(id);
    const down = await gql(tokens.staff, `mutation($i: EscalateWorkOrderInput!) { escalateWorkOrder(input: $i) { id } }`, {
      i: { workOrderId: id, reason: 'x', to: 'HANDLER' },
    });
    expect(errorOf(down)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    const noReason = await gql(tokens.staff, `mutation($i: EscalateWorkOrderInput!) { escalateWorkOrder(input: $i) { id } }`, {
      i: { workOrderId: id, reason: ' ' },
    });
    expect(errorOf(noReason)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const up = await ok(
      gql(
        tokens.staff,
        `mutation($i: EscalateWorkOrderInput!) { escalateWorkOrder(input: $i) { ${WORK_ORDER_FIELDS} escalations { from to reason by } } }`,
        {
          i: { workOrderId: id, reason: 'Customer threatens to go to the press.', to: 'SITE_HEAD' },
        },
      ),
    );
    expect(up.escalationLevel).toBe('SITE_HEAD');
    expect(up.escalations).toEqual([
      { from: 'HANDLER', to: 'SITE_HEAD', reason: 'Customer threatens to go to the press.', by: 'eng-staff' },
    ]);
    expect(up.deadlines).toEqual(before.deadlines);
  });

  it('extends a deadline only with a reason and a record of when and how the customer was told', async () => {
    const { workOrders } = await file();
    const id = workOrders[0].id;
    const feedback = clockOf(await workOrder(id), 'FEEDBACK');
    const newDueAt = new Date(new Date(feedback.dueAt).getTime() + 24 * H).toISOString();
    const extend = (i: Record<string, unknown>, token = tokens.head) =>
      gql(
        token,
        `mutation($i: ExtendDeadlineInput!) { extendDeadline(input: $i) { ${WORK_ORDER_FIELDS} extensions { clock previousDueAt newDueAt reason customerToldAt customerToldVia by } } }`,
        {
          i: {
            workOrderId: id,
            clock: 'FEEDBACK',
            newDueAt,
            reason: 'Spare part on order.',
            customerTold: { at: clock.now().toISOString(), via: 'WECHAT' },
            ...i,
          },
        },
      );
    const untold = await extend({ customerTold: undefined }); // the gateway names the field; the subgraph says it in words
    expect(errorOf(untold)).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(untold.errors![0].message).toMatch(/Field "customerTold" of required type "CustomerContactInput!" was not provided/);
    expect(errorOf(await extend({ reason: '' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(errorOf(await extend({ customerTold: { at: new Date(clock.now().getTime() + H).toISOString(), via: 'WECHAT' } }))).toMatchObject(
      { field: 'customerTold.at' },
    );
    expect(errorOf(await extend({ newDueAt: feedback.dueAt }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newDueAt' });
    expect(errorOf(await extend({ clock: 'MAJOR_UPGRADE' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'clock' });
    expect(errorOf(await extend({}, tokens.staff))).toMatchObject({ code: 'FORBIDDEN' });

    const extended = await ok(extend({}));
    expect(clockOf(extended, 'FEEDBACK').dueAt).toBe(newDueAt);
    expect(extended.extensions).toEqual([
      {
        clock: 'FEEDBACK',
        previousDueAt: feedback.dueAt,
        newDueAt,
        reason: 'Spare part on order.',
        customerToldAt: clock.now().toISOString(),
        customerToldVia: 'WECHAT',
        by: 'eng-head',
      },
    ]);
    clock.set(feedback.dueAt);
    await tick();
    expect((await breachEvents(id)).map((e) => e.clock)).not.toContain('FEEDBACK'); // the old due time no longer fires
    clock.set(newDueAt);
    await tick();
    expect((await breachEvents(id)).map((e) => e.clock)).toContain('FEEDBACK');
    expect(errorOf(await extend({ newDueAt: new Date(new Date(newDueAt).getTime() + H).toISOString() }))).toMatchObject({
      code: 'CONFLICT',
      field: 'clock',
    });
  });

  it('upgrades to major (rules A and D) by starting the major clocks from the upgrade and stopping the minor ones', async () => {
    const { complaintId, workOrders } = await file();
    const id = workOrders[0].id;
    clock.advance(30 * 60_000);
    const upgradedAt = clock.now();
    await svc.publish(ComplaintSeverityChanged, {
      orgId: ORG,
      siteId: SITE,
      complaintId,
      from: Severity.MINOR,
      to: Severity.MAJOR,
      reason: SeverityChangeReason.UNRESOLVED_10_DAYS,
      changedAt: upgradedAt.toISOString(),
    });
    const wo = await eventually(
      async () => {
        const w = await workOrder(id);
        return w.severity === 'MAJOR' && clockOf(w, 'REPORT_TO_HEAD') ? w : undefined;
      },
      20_000,
      'the upgrade',
    );
    expect(clockOf(wo, 'REPORT_TO_HEAD').dueAt).toBe(new Date(upgradedAt.getTime() + 10 * 60_000).toISOString());
    expect(clockOf(wo, 'SOLUTION_AGREED').dueAt).toBe(new Date(upgradedAt.getTime() + 12 * H).toISOString());
    expect(clockOf(wo, 'FEEDBACK').cancelledAt).toBe(upgradedAt.toISOString());
    expect(clockOf(wo, 'MAJOR_UPGRADE').cancelledAt).toBe(upgradedAt.toISOString());
    expect(clockOf(wo, 'PLAN').cancelledAt).toBeNull();
  });
});

describe('domain.md §2–3 liaison letters, contractors and emergencies', () => {
  it('passes a matter to another department with a liaison letter that has its own deadline and goes overdue once', async () => {
    const { workOrders } = await file();
    const id = workOrders[0].id;
    const dueAt = new Date(clock.now().getTime() + 4 * H).toISOString();
    const send = (i: Record<string, unknown>) =>
      gql(tokens.staff, `mutation($i: SendLiaisonLetterInput!) { sendLiaisonLetter(input: $i) { id toDepartment dueAt overdueAt } }`, {
        i: { workOrderId: id, body: 'Please check the CCTV.', dueAt, ...i },
      });
    expect(errorOf(await send({ toDepartment: 'ENGINEERING' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'toDepartment' });
    expect(errorOf(await send({ toDepartment: 'SECURITY', dueAt: clock.now().toISOString() }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'dueAt',
    });
    const letter = await ok(send({ toDepartment: 'SECURITY' }));
    expect(letter).toMatchObject({ toDepartment: 'SECURITY', dueAt, overdueAt: null });

    clock.set(dueAt);
    await tick();
    const letters = async () => ok(gql(tokens.securityStaff, `{ liaisonLetters(toDepartment: SECURITY, open: true) { id overdueAt } }`));
    expect((await letters()).find((l: any) => l.id === letter.id).overdueAt).toBe(dueAt);
    const byEngineer = await gql(tokens.staff, `mutation($i: AnswerLiaisonLetterInput!) { answerLiaisonLetter(input: $i) { id } }`, {
      i: { letterId: letter.id, answer: 'ok' },
    });
    expect(errorOf(byEngineer)).toMatchObject({ code: 'FORBIDDEN' });
    const answered = await ok(
      gql(tokens.securityStaff, `mutation($i: AnswerLiaisonLetterInput!) { answerLiaisonLetter(input: $i) { answer answeredAt } }`, {
        i: { letterId: letter.id, answer: 'Footage saved.' },
      }),
    );
    expect(answered.answer).toBe('Footage saved.');
    expect((await letters()).map((l: any) => l.id)).not.toContain(letter.id);
  });

  it('fines a contractor who does not show up within 4 hours, refuses or misses the deadline, starts the emergency repair team, and lists the fines for settlement', async () => {
    const { workOrders } = await file();
    const id = workOrders[0].id;
    const issue = (rectifyBy: Date) =>
      ok(
        gql(
          tokens.staff,
          `mutation($i: IssueNoticeInput!) { issueRectificationNotice(input: $i) { id failure emergencyRepairStartedAt } }`,
          {
            i: {
              workOrderId: id,
              contractor: 'Acme Build Ltd',
              defect: 'Water seeps through the wall.',
              rectifyBy: rectifyBy.toISOString(),
            },
          },
        ),
      );
    const issuedAt = clock.now();
    const noShow = await issue(new Date(issuedAt.getTime() + 72 * H));
    const refused = await issue(new Date(issuedAt.getTime() + 72 * H));
    const late = await issue(new Date(issuedAt.getTime() + 6 * H));
    expect(clockOf(await workOrder(id), 'CONTRACTOR_ARRIVAL')).toBeDefined();
    for (const n of [refused, late]) {
      await ok(
        gql(tokens.staff, `mutation($i: RecordContractorResponseInput!) { recordContractorResponse(input: $i) { id } }`, {
          i: { noticeId: n.id, response: 'ARRIVED' },
        }),
      );
    }
    await ok(
      gql(tokens.staff, `mutation($i: RecordContractorResponseInput!) { recordContractorResponse(input: $i) { id } }`, {
        i: { noticeId: refused.id, response: 'REFUSED' },
      }),
    );

    clock.set(new Date(issuedAt.getTime() + 4 * H));
    await tick();
    clock.set(new Date(issuedAt.getTime() + 6 * H));
    await tick();
    const notices = await ok(
      gql(tokens.staff, `query($id: ID!) { rectificationNotices(workOrderId: $id) { id failure emergencyRepairStartedAt arrivedAt } }`, {
        id,
      }),
    );
    const byId = Object.fromEntries(notices.map((n: any) => [n.id, n]));
    expect(byId[noShow.id]).toMatchObject({
      failure: 'NO_SHOW',
      emergencyRepairStartedAt: new Date(issuedAt.getTime() + 4 * H).toISOString(),
    });
    expect(byId[refused.id].failure).toBe('REFUSED');
    expect(byId[late.id]).toMatchObject({
      failure: 'MISSED_DEADLINE',
      emergencyRepairStartedAt: new Date(issuedAt.getTime() + 6 * H).toISOString(),
    });
    const arrival = (noticeId: string) => (wo: any) =>
      wo.deadlines.find((d: any) => d.clock === 'CONTRACTOR_ARRIVAL' && d.noticeId === noticeId);
    const wo = await workOrder(id);
    expect(arrival(noShow.id)(wo)).toMatchObject({
      breachedAt: new Date(issuedAt.getTime() + 4 * H).toISOString(),
      cancelledAt: new Date(issuedAt.getTime() + 4 * H).toISOString(),
    });
    expect(arrival(refused.id)(wo)).toMatchObject({ breachedAt: null, metAt: issuedAt.toISOString() });
    expect(arrival(late.id)(wo)).toMatchObject({ breachedAt: null, metAt: issuedAt.toISOString() });

    const penalties = await ok(gql(tokens.head, `{ contractorPenalties(settled: false) { id noticeId failure amountYuan contractor } }`));
    const mine = penalties.filter((p: any) => [noShow.id, refused.id, late.id].includes(p.noticeId));
    expect(mine.map((p: any) => p.failure).sort()).toEqual(['MISSED_DEADLINE', 'NO_SHOW', 'REFUSED']);
    expect(mine.every((p: any) => p.amountYuan === null && p.contractor === 'Acme Build Ltd')).toBe(true);

    const setAmount = (token: string, amountYuan: number) =>
      gql(token, `mutation($i: SetPenaltyAmountInput!) { setPenaltyAmount(input: $i) { amountYuan } }`, {
        i: { penaltyId: mine[0].id, amountYuan },
      });
    expect(errorOf(await setAmount(tokens.head, 4999))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'amountYuan' });
    expect(errorOf(await setAmount(tokens.staff, 5000))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await ok(setAmount(tokens.head, 5000))).toEqual({ amountYuan: 5000 });
    const settled = await ok(gql(tokens.head, `mutation($id: ID!) { settlePenalty(penaltyId: $id) { settledAt } }`, { id: mine[0].id }));
    expect(settled.settledAt).toBe(clock.now().toISOString());
    expect(
      await svc.sql(`select 1 from outbox_event where subject = 'contractor.penalized' and body like $1`, [`%${noShow.id}%`]),
    ).toHaveLength(1);
  });

  it('reports an emergency up the chain at once and keeps its cause, remedy and prevention', async () => {
    const { workOrders } = await file();
    const id = workOrders[0].id;
    const report = (i: Record<string, unknown>, token = tokens.frontDesk) =>
      gql(token, `mutation($i: ReportEmergencyInput!) { reportEmergency(input: $i) { id workOrderId reportedBy } }`, {
        i: {
          siteId: SITE,
          workOrderId: id,
          description: 'Burst pipe flooding the lobby.',
          occurredAt: clock.now().toISOString(),
          containment: 'Water shut off.',
          ...i,
        },
      });
    expect(errorOf(await report({}, tokens.otherSite))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await report({ occurredAt: new Date(clock.now().getTime() + H).toISOString() }))).toMatchObject({ field: 'occurredAt' });
    const e = await ok(report({}));
    const wo = await workOrder(id, 'escalations { to reason }');
    expect(wo.escalationLevel).toBe('LEADERSHIP');
    expect(wo.escalations).toEqual([{ to: 'LEADERSHIP', reason: 'emergency: Burst pipe flooding the lobby.' }]);
    const reviewed = await ok(
      gql(
        tokens.siteHead,
        `mutation($i: RecordEmergencyReviewInput!) { recordEmergencyReview(input: $i) { cause remedy prevention reviewedAt } }`,
        {
          i: { emergencyId: e.id, cause: 'Frozen pipe.', remedy: 'Pipe replaced.', prevention: 'Insulate pipes before winter.' },
        },
      ),
    );
    expect(reviewed).toMatchObject({ cause: 'Frozen pipe.', remedy: 'Pipe replaced.', prevention: 'Insulate pipes before winter.' });
    expect((await ok(gql(tokens.siteHead, `{ emergencies(open: true) { id } }`))).map((x: any) => x.id)).not.toContain(e.id);
    expect(await svc.sql(`select 1 from outbox_event where subject = 'emergency.reported' and body like $1`, [`%${e.id}%`])).toHaveLength(
      1,
    );
  });
});

describe('domain.md §3–4 department queues and rework', () => {
  it("lists a department's queue by department, site, status and overdue, nearest deadline first, in cursor pages", async () => {
    await svc.sql(`update deadline set met_at = $1 where met_at is null and cancelled_at is null`, [clock.now()]); // earlier tests' open clocks out of the way
    await svc.sql(`update work_order set next_due_at = '9999-12-31'`);
    const a = await file({ receivedAt: new Date(clock.now().getTime() - 30 * H).toISOString() }); // FEEDBACK due 6 h ago
    const b = await file({ departments: [Department.SECURITY, Department.ENGINEERING] });
    clock.advance(1);
    const c = await file();
    const page = (args: string, token = tokens.siteHead) =>
      ok(
        gql(
          token,
          `{ workOrders(${args}) { edges { cursor node { id department overdue nextDueAt } } pageInfo { hasNextPage endCursor } } }`,
        ),
      );
    const all = await page('first: 10');
    const ids = all.edges.map((e: any) => e.node.id);
    const engA = a.workOrders[0].id;
    const engC = c.workOrders[0].id;
    expect(ids[0]).toBe(engA);
    const dues = all.edges.map((e: any) => e.node.nextDueAt).filter(Boolean);
    expect([...dues].sort()).toEqual(dues);
    expect((await page('overdue: true')).edges.map((e: any) => e.node.id)).toEqual([engA]);
    expect((await page('overdue: false, department: SECURITY')).edges.map((e: any) => e.node.id)).toEqual([b.workOrders[0].id]);
    expect(errorOf(await gql(tokens.staff, `{ workOrders(department: SECURITY) { edges { node { id } } } }`))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(errorOf(await gql(tokens.siteHead, `{ workOrders(siteId: "elsewhere") { edges { node { id } } } }`))).toMatchObject({
      code: 'FORBIDDEN',
    });

    const first = await page('first: 2, department: ENGINEERING');
    const second = await page(`first: 2, department: ENGINEERING, after: "${first.pageInfo.endCursor}"`);
    const walked = [...first.edges, ...second.edges].map((e: any) => e.node.id);
    expect(walked.slice(0, 3)).toEqual(expect.arrayContaining([engA, engC]));
    expect(new Set(walked).size).toBe(walked.length);
    expect((await page('status: CLOSED, first: 100')).edges.every((e: any) => e.node.department)).toBe(true);
  });

  it('reopens the work order for rework on callback.dissatisfied with new clocks and a liaison letter; a second dissatisfaction escalates', async () => {
    const { complaintId, workOrders } = await file();
    const id = workOrders[0].id;
    await handleToResolution(steps, id, clock.now());
    const dissatisfied = (n: number) =>
      svc.publish(CallbackDissatisfied, {
        orgId: ORG,
        siteId: SITE,
        complaintId,
        callbackId: `cb-${n}`,
        at: clock.now().toISOString(),
        shortcomings: 'Lift still stops.',
        areaManagerId: 'area-mgr',
      });
    clock.advance(H);
    await dissatisfied(1);
    const reopened = await eventually(
      async () => {
        const w = await workOrder(id);
        return w.status === 'REOPENED' ? w : undefined;
      },
      20_000,
      'the reopen',
    );
    expect(reopened.round).toBe(2);
    expect(clockOf(reopened, 'PLAN', 2)).toMatchObject({ dueAt: new Date(clock.now().getTime() + H).toISOString(), metAt: null });
    expect(clockOf(reopened, 'FEEDBACK', 2)).toBeDefined();
    const signOld = await gql(tokens.head, `mutation($id: ID!) { signOffHandlingPlan(workOrderId: $id) { id } }`, { id });
    expect(errorOf(signOld)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'workOrderId' }); // rework needs a new plan
    const history = await workOrder(id, 'progress { note by }');
    expect(history.progress.at(-1)).toEqual({
      note: 'Round 1 closed by a dissatisfied callback. Plan: Inspect and repair. Resolution: Replaced the door sensor.',
      by: 'system',
    });
    const letters = await ok(gql(tokens.staff, `{ liaisonLetters(toDepartment: ENGINEERING, open: true) { workOrderId body sentBy } }`));
    expect(letters).toContainEqual({
      workOrderId: id,
      body: 'Rework after a dissatisfied callback (cb-1): Lift still stops.',
      sentBy: 'area-mgr',
    });
    expect(await svc.sql(`select 1 from outbox_event where subject = 'workorder.reopened' and body like $1`, [`%${id}%`])).toHaveLength(1);

    await planAndAssign(steps, id);
    await informCustomer(steps, id, clock.now());
    await resolve(steps, id, { causeAnalysis: 'Controller firmware fault', resolution: 'Firmware updated.' });
    expect(
      await svc.sql(`select 1 from outbox_event where subject = 'complaint.resolved' and body like $1`, [`%${complaintId}%`]),
    ).toHaveLength(2);
    clock.advance(H);
    await dissatisfied(2);
    const again = await eventually(
      async () => {
        const w = await workOrder(id, 'escalations { to reason }');
        return w.status === 'REOPENED' && w.round === 3 ? w : undefined;
      },
      20_000,
      'the second reopen',
    );
    expect(again.escalationLevel).toBe('DEPARTMENT_HEAD');
    expect(again.escalations[0].reason).toMatch(/^customer dissatisfied 2 times/);

    // rule "every round is kept": the work order starts round 3 empty, rounds 1 and 2 stay as they were
    const kept = await workOrder(id, 'resolution causeAnalysis plan rounds { round plan handlerId resolution causeAnalysis endedBy }');
    expect(kept).toMatchObject({ resolution: null, causeAnalysis: null, plan: null });
    expect(kept.rounds).toEqual([
      {
        round: 1,
        plan: 'Inspect and repair.',
        handlerId: 'eng-staff',
        resolution: 'Replaced the door sensor.',
        causeAnalysis: 'Worn sensor',
        endedBy: 'dissatisfied callback cb-1',
      },
      {
        round: 2,
        plan: 'Inspect and repair.',
        handlerId: 'eng-staff',
        resolution: 'Firmware updated.',
        causeAnalysis: 'Controller firmware fault',
        endedBy: 'dissatisfied callback cb-2',
      },
    ]);
  });
});

describe('issue 14 integrity: handlers from the staff registry, contact before REPLY', () => {
  it('rule "a handler is named staff of the department at the site": unknown, inactive, other-department or other-site people are refused', async () => {
    const { workOrders } = await file();
    const id = workOrders[0].id;
    await ok(
      gql(tokens.staff, `mutation($i: RecordHandlingPlanInput!) { recordHandlingPlan(input: $i) { id } }`, {
        i: { workOrderId: id, plan: 'p' },
      }),
    );
    await ok(gql(tokens.head, `mutation($id: ID!) { signOffHandlingPlan(workOrderId: $id) { id } }`, { id }));
    const assign = (handlerId: string) =>
      gql(tokens.head, `mutation($i: AssignHandlerInput!) { assignHandler(input: $i) { id handlerId } }`, {
        i: { workOrderId: id, handlerId },
      });
    const refused = async (handlerId: string, reason: RegExp) => {
      const r = await assign(handlerId);
      expect(errorOf(r)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'handlerId' });
      expect(r.errors![0].message).toMatch(reason);
    };
    await refused('nobody-here', /unknown staff user nobody-here/);
    await refused('sec-staff', /not ENGINEERING staff/);
    await refused('front-desk', /needs the role DEPARTMENT_STAFF or DEPARTMENT_HEAD/);
    await svc.announceStaff([
      { sub: 'eng-elsewhere', org: ORG, sites: ['site-far'], roles: [Role.DEPARTMENT_STAFF], department: Department.ENGINEERING },
      { sub: 'eng-other-org', org: 'org-other', sites: ['*'], roles: [Role.DEPARTMENT_STAFF], department: Department.ENGINEERING },
    ]);
    await refused('eng-elsewhere', /does not work at site/);
    await refused('eng-other-org', /unknown staff user/);
    await svc.publish(StaffSaved, {
      orgId: ORG,
      staffId: 'eng-left',
      roles: [Role.DEPARTMENT_STAFF],
      department: Department.ENGINEERING,
      sites: ['*'],
      active: false,
    });
    await eventually(async () => (await svc.sql(`select 1 from known_staff where staff_id = 'eng-left'`)).length === 1, 20_000, 'eng-left');
    await refused('eng-left', /no longer active/);
    expect(await ok(assign('eng-staff'))).toEqual({ id, handlerId: 'eng-staff' });
  });

  it('rule "REPLY and FEEDBACK are met only by a recorded contact": a resolution nobody told the customer about is refused', async () => {
    const { complaintId, workOrders } = await file();
    const id = workOrders[0].id;
    await planAndAssign(steps, id);
    const untold = await gql(tokens.staff, `mutation($i: ResolveWorkOrderInput!) { resolveWorkOrder(input: $i) { id } }`, {
      i: { workOrderId: id, resolution: 'Fixed', cause: 'EQUIPMENT_FAILURE', causeAnalysis: 'c', preventiveAction: 'p' },
    });
    expect(errorOf(untold)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'customerInformed' });
    expect(untold.errors![0].message).toMatch(/REPLY and FEEDBACK still open/);
    expect((await workOrder(id)).status).toBe('ASSIGNED');

    clock.advance(10 * 60_000);
    const toldAt = new Date(clock.now().getTime() - 5 * 60_000);
    const done = await resolve(steps, id, { customerInformed: { at: toldAt.toISOString(), via: 'WECHAT' } });
    expect(done.status).toBe('RESOLVED');
    expect(clockOf(done, 'REPLY').metAt).toBe(toldAt.toISOString());
    expect(clockOf(done, 'FEEDBACK').metAt).toBe(toldAt.toISOString());
    expect(clockOf(done, 'MAJOR_UPGRADE').metAt).toBe(clock.now().toISOString());
    const notes = await workOrder(id, 'progress { note customerInformedAt customerInformedVia }');
    expect(notes.progress).toEqual([
      {
        note: 'Result told to the customer: Replaced the door sensor.',
        customerInformedAt: toldAt.toISOString(),
        customerInformedVia: 'WECHAT',
      },
    ]);
    // the contact goes into the department's contact log (intake keeps it): customer.contacted
    const contacts = (await svc.sql<{ body: string }>(`select body from outbox_event where subject = 'customer.contacted'`))
      .map((r) => JSON.parse(r.body).payload)
      .filter((p) => p.caseId === complaintId);
    expect(contacts).toEqual([
      expect.objectContaining({
        source: 'WORK_ORDER',
        department: 'ENGINEERING',
        channel: 'WECHAT',
        customerId: 'cust-1',
        answered: 'Result told to the customer: Replaced the door sensor.',
        at: toldAt.toISOString(),
      }),
    ]);
  });
});

describe('issue 14 closing: the site head closes, the records reach quality in 3 days, quality verifies; a letter needs an approved reply', () => {
  const closing = `complaintId opinion closedBy closedAt handoverDueAt handedOverAt result findings verifiedBy verifiedAt`;
  const close = (token: string, complaintId: string, opinion = 'Handled well; filed at the service station.') =>
    gql(token, `mutation($i: CloseComplaintInput!) { closeComplaint(input: $i) { ${closing} } }`, { i: { complaintId, opinion } });
  const confirm = (id: string) =>
    ok(
      gql(tokens.staff, `mutation($i: ConfirmResolutionInput!) { confirmResolution(input: $i) { id status } }`, {
        i: { workOrderId: id, customerId: 'cust-1', signature: 's3://signatures/form.pdf' },
      }),
    );
  const calledBack = async (complaintId: string, satisfaction: string) => {
    const callbackId = randomUUID();
    await svc.publish(CallbackCompleted, {
      orgId: ORG,
      siteId: SITE,
      complaintId,
      callbackId,
      completedAt: clock.now().toISOString(),
      satisfaction: satisfaction as any,
      onTime: true,
    });
    await eventually(
      async () => (await svc.sql(`select 1 from callback_result where callback_id = $1`, [callbackId])).length === 1,
      20_000,
    );
  };

  it('rule "closed after the confirmation and a callback that was not dissatisfied", by the site head, with an opinion; then QUALITY_HANDOVER in 3 days and verification', async () => {
    const { complaintId, workOrders } = await file();
    const id = workOrders[0].id;
    await handleToResolution(steps, id, clock.now());
    expect(errorOf(await close(tokens.siteHead, complaintId))).toMatchObject({ code: 'CONFLICT', field: 'complaintId' });
    await confirm(id);
    const noCallback = await close(tokens.siteHead, complaintId);
    expect(noCallback.errors![0].message).toMatch(/has not been called back since the resolution/);
    clock.advance(2 * H);
    await calledBack(complaintId, 'DISSATISFIED');
    expect((await close(tokens.siteHead, complaintId)).errors![0].message).toMatch(/dissatisfied at the last callback/);
    clock.advance(H);
    await calledBack(complaintId, 'BASICALLY_SATISFIED');
    expect(errorOf(await close(tokens.frontDesk, complaintId))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await close(tokens.siteHead, complaintId, '  '))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'opinion' });

    const closedAt = clock.now();
    const closed = await ok(close(tokens.siteHead, complaintId));
    expect(closed).toMatchObject({
      complaintId,
      closedBy: 'site-head',
      closedAt: closedAt.toISOString(),
      handoverDueAt: new Date(closedAt.getTime() + 72 * H).toISOString(),
      handedOverAt: null,
      result: null,
    });
    const wo = await workOrder(id);
    expect(wo.status).toBe('CLOSED');
    expect(clockOf(wo, 'QUALITY_HANDOVER')).toMatchObject({ dueAt: closed.handoverDueAt, metAt: null });
    const [event] = await svc.sql<{ body: string }>(
      `select body from outbox_event where subject = 'complaint.case_closed' and body like $1`,
      [`%${complaintId}%`],
    );
    expect(JSON.parse(event.body).payload).toMatchObject({
      complaintId,
      closedBy: 'site-head',
      opinion: 'Handled well; filed at the service station.',
    });
    expect(errorOf(await close(tokens.siteHead, complaintId))).toMatchObject({ code: 'CONFLICT' });

    // the records did not reach quality in 3 days: breached, noted, not escalated
    clock.advance(72 * H + 60_000);
    await tick();
    const lapsed = await workOrder(id, 'progress { note }');
    expect(clockOf(lapsed, 'QUALITY_HANDOVER').breachedAt).toBe(closed.handoverDueAt);
    expect(lapsed.escalationLevel).toBe('HANDLER');
    expect(lapsed.progress.at(-1).note).toMatch(/were not handed to the quality department/);
    expect((await breachEvents(id)).map((b) => b.clock)).toContain('QUALITY_HANDOVER');

    const handed = await ok(
      gql(tokens.siteHead, `mutation($id: ID!) { handOverToQuality(complaintId: $id) { ${closing} } }`, { id: complaintId }),
    );
    expect(handed.handedOverAt).toBe(clock.now().toISOString());
    expect(clockOf(await workOrder(id), 'QUALITY_HANDOVER')).toMatchObject({
      metAt: clock.now().toISOString(),
      breachedAt: closed.handoverDueAt,
    });

    // the quality department finds the handling short: the case goes back for rework, the round is kept
    const verify = (i: Record<string, unknown>) =>
      gql(tokens.quality, `mutation($i: VerifyHandlingInput!) { verifyHandling(input: $i) { ${closing} } }`, { i: { complaintId, ...i } });
    expect(errorOf(await verify({ result: 'FALLS_SHORT' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'findings' });
    expect(
      errorOf(
        await gql(tokens.siteHead, `mutation($i: VerifyHandlingInput!) { verifyHandling(input: $i) { closedAt } }`, {
          i: { complaintId, result: 'VERIFIED' },
        }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const short = await ok(verify({ result: 'FALLS_SHORT', findings: 'No preventive check was scheduled.' }));
    expect(short).toMatchObject({ result: 'FALLS_SHORT', verifiedBy: 'quality-1', findings: 'No preventive check was scheduled.' });
    const back = await workOrder(id, 'rounds { round endedBy causeAnalysis }');
    expect(back).toMatchObject({ status: 'REOPENED', round: 2 });
    expect(back.rounds).toEqual([{ round: 1, endedBy: 'quality verification by quality-1', causeAnalysis: 'Worn sensor' }]);
    expect(clockOf(back, 'PLAN', 2)).toMatchObject({ metAt: null });
    expect(await svc.sql(`select 1 from outbox_event where subject = 'workorder.reopened' and body like $1`, [`%${id}%`])).toHaveLength(1);
    expect(
      errorOf(await gql(tokens.siteHead, `mutation($id: ID!) { handOverToQuality(complaintId: $id) { closedAt } }`, { id: complaintId })),
    ).toMatchObject({
      code: 'CONFLICT',
    });

    // the second round is handled, confirmed, called back and closed again; this time it is verified
    await handleToResolution(steps, id, clock.now());
    await confirm(id);
    clock.advance(H);
    await calledBack(complaintId, 'SATISFIED');
    await ok(close(tokens.siteHead, complaintId, 'Preventive check now monthly.'));
    const verified = await ok(verify({ result: 'VERIFIED' }));
    expect(verified).toMatchObject({
      result: 'VERIFIED',
      handedOverAt: clock.now().toISOString(),
      opinion: 'Preventive check now monthly.',
    });
    expect(clockOf(await workOrder(id), 'QUALITY_HANDOVER', 2)).toMatchObject({ metAt: clock.now().toISOString(), breachedAt: null });
    expect(errorOf(await verify({ result: 'VERIFIED' }))).toMatchObject({ code: 'CONFLICT' });
  });

  it('rule "a letter is answered only after leadership approves the reply"', async () => {
    const { workOrders } = await file({ channel: Channel.LETTER });
    const id = workOrders[0].id;
    await planAndAssign(steps, id);
    const early = await gql(tokens.staff, `mutation($i: RecordProgressInput!) { recordProgress(input: $i) { id } }`, {
      i: { workOrderId: id, note: 'Replied by letter.', customerInformed: { at: clock.now().toISOString(), via: 'LETTER' } },
    });
    expect(errorOf(early)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'customerInformed' });
    expect(early.errors![0].message).toMatch(/only after company leadership approves the reply/);
    const approve = (token: string) =>
      gql(token, `mutation($i: ApproveLetterReplyInput!) { approveLetterReply(input: $i) { id } }`, {
        i: { workOrderId: id, reply: 'Dear owner, the lift controller was replaced.' },
      });
    expect(errorOf(await approve(tokens.head))).toMatchObject({ code: 'FORBIDDEN' });
    await ok(approve(tokens.leadership));
    const told = await informCustomer(steps, id, clock.now());
    expect(clockOf(told, 'REPLY').metAt).toBe(clock.now().toISOString());

    const { workOrders: phoned } = await file();
    const notLetter = await gql(tokens.leadership, `mutation($i: ApproveLetterReplyInput!) { approveLetterReply(input: $i) { id } }`, {
      i: { workOrderId: phoned[0].id, reply: 'r' },
    });
    expect(errorOf(notLetter)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'workOrderId' });
  });
});

describe('issue 15 housekeeping', () => {
  it('prunes published outbox rows past their retention and old processed-message ids, in batches; never an unpublished row', async () => {
    const hours = (h: number) => new Date(clock.now().getTime() - h * H).toISOString();
    await svc.sql(
      `insert into outbox_event (event_id, subject, body, created_at, published_at, attempts)
       select 'hk-old-' || g, 'test.old', '{}', $1, $1, 0 from generate_series(1, 2500) g`,
      [hours(48)],
    );
    await svc.sql(
      `insert into outbox_event (event_id, subject, body, created_at, published_at, attempts) values ('hk-recent', 'test.recent', '{}', $1, $1, 0)`,
      [hours(1)],
    );
    await svc.sql(
      `insert into outbox_event (event_id, subject, body, created_at, published_at, attempts) values ('hk-unpublished', 'test.unpublished', '{}', $1, null, 0)`,
      [hours(72)],
    );
    await svc.sql(
      `insert into inbox_message (consumer, message_id, subject, processed_at)
       select 'hk-consumer', 'old-' || g, 'test.old', $1 from generate_series(1, 1500) g`,
      [hours(8 * 24)],
    );
    await svc.sql(
      `insert into inbox_message (consumer, message_id, subject, processed_at) values ('hk-consumer', 'recent', 'test.recent', $1)`,
      [hours(24)],
    );

    const result = await app.get(Housekeeping).run();
    expect(result.outbox).toBeGreaterThanOrEqual(2500);
    expect(result.inbox).toBeGreaterThanOrEqual(1500);
    const left = await svc.sql<{ event_id: string }>(`select event_id from outbox_event where event_id like 'hk-%' order by event_id`);
    expect(left.map((r) => r.event_id)).toEqual(['hk-recent', 'hk-unpublished']);
    const inbox = await svc.sql<{ message_id: string }>(`select message_id from inbox_message where consumer = 'hk-consumer'`);
    expect(inbox.map((r) => r.message_id)).toEqual(['recent']);
    const metrics = await (await fetch(url.replace(/\/graphql$/, '/metrics'))).text();
    expect(metrics).toMatch(/housekeeping_deleted_total\{table="outbox_event"\} \d+/);
  });
});

describe('the outbox relay', () => {
  it('marks the rows JetStream acknowledged; a row it refuses stays pending with its attempt and reason, never marked', async () => {
    const at = clock.now().toISOString();
    await svc.sql(
      `insert into outbox_event (event_id, subject, body, created_at, published_at, attempts) values ('relay-ok', 'test.relay', '{}', $1, null, 0), ('relay-too-big', 'test.relay', $2, $1, null, 0)`,
      [at, 'x'.repeat(2_000_000)],
    );
    try {
      // drained until both rows were tried (the relay's own loop may hold one of them for a moment: it skips rows another drain locked)
      const rows = await eventually(
        async () => {
          await app.get(OutboxRelay).drain();
          const got = await svc.sql<{ event_id: string; published_at: Date | null; attempts: number; last_error: string | null }>(
            `select event_id, published_at, attempts, last_error from outbox_event where event_id like 'relay-%' order by event_id`,
          );
          return got[0]?.published_at && got[1]?.attempts ? got : null;
        },
        20_000,
        'the relay to try both rows',
      );
      expect(rows[0]).toMatchObject({ event_id: 'relay-ok', attempts: 0, last_error: null });
      expect(rows[0].published_at).not.toBeNull();
      expect(rows[1]).toMatchObject({ event_id: 'relay-too-big', published_at: null });
      expect(rows[1].attempts).toBeGreaterThanOrEqual(1);
      expect(rows[1].last_error).toMatch(/payload/i);
    } finally {
      await svc.sql(`delete from outbox_event where event_id = 'relay-too-big'`);
    }
  });
});
