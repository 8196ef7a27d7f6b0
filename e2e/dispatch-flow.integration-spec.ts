import { DEMO_DATASET, DEMO_USERS } from '@pc/intake';
import { System, eventually } from '@pc/system';
import { WORK_ORDER_FIELDS, handleToResolution, type Steps } from './work-order-steps';

/**
 * Dispatch with the rest of the system, on the real clock. Real: the four subgraph processes, the
 * gateway, PostgreSQL, NATS JetStream. Mocked: nothing.
 */
let system: System;
const token = (sub: string) => system.token(DEMO_USERS.find((u) => u.sub === sub)!);
let steps: Steps;
const DAY = 24 * 3_600_000;

const FILE = `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id severity receivedAt } }`;
const COMPLAINT = `query($id: ID!) { complaint(id: $id) { id status severity
  workOrders { ${WORK_ORDER_FIELDS} escalations { from to clock } } callbacks { id dueAt } } }`;
const input = {
  siteId: 'demo-site-1',
  unitId: 'demo-site-1-unit-101',
  customerId: 'demo-customer-1',
  channel: 'LETTER',
  category: 'EQUIPMENT',
  description: 'The lift in tower 1 stops between floors.',
};

beforeAll(async () => {
  system = await System.start();
  await system.seedRegistry(DEMO_DATASET);
  steps = { gql: (t, q, v) => system.graphql(t, q, v), staff: token('demo-department-staff'), head: token('demo-department-head') };
});

afterAll(async () => {
  await system?.close();
});

it('makes a complaint recorded late with receivedAt 11 days ago MAJOR by itself within seconds (rule D), with its breached clocks in deadlines', async () => {
  const receivedAt = new Date(Date.now() - 11 * DAY).toISOString();
  const filed = await system.graphql(token('demo-front-desk'), FILE, { i: { ...input, receivedAt, idempotencyKey: 'late-paper-11-days' } });
  expect(filed.errors).toBeUndefined();
  expect(filed.data.fileComplaint.severity).toBe('MINOR');
  const started = Date.now();

  const c = await eventually(
    async () => {
      const r = await system.graphql(token('demo-complaint-rep'), COMPLAINT, { id: filed.data.fileComplaint.id });
      const wo = r.data?.complaint?.workOrders?.[0];
      // the work order and its clocks are read one after the other: wait until both show the upgrade
      return r.data?.complaint?.severity === 'MAJOR' &&
        wo?.severity === 'MAJOR' &&
        wo.deadlines.some((d: any) => d.clock === 'REPORT_TO_HEAD')
        ? r.data.complaint
        : undefined;
    },
    30_000,
    'the automatic upgrade to major',
  );
  process.stdout.write(`late complaint became MAJOR ${Date.now() - started} ms after filing\n`);

  const wo = c.workOrders[0];
  const clock = (name: string) => wo.deadlines.find((d: any) => d.clock === name);
  for (const name of ['FEEDBACK', 'REPLY', 'MAJOR_UPGRADE']) {
    expect(clock(name).breachedAt).toBe(clock(name).dueAt); // each passed while the paper form waited
  }
  expect(new Date(clock('MAJOR_UPGRADE').dueAt).getTime()).toBe(new Date(receivedAt).getTime() + 10 * DAY);
  expect(clock('MAJOR_UPGRADE').cancelledAt).not.toBeNull(); // its job is done
  expect(clock('REPORT_TO_HEAD').breachedAt).toBeNull(); // the major clocks start at the upgrade
  expect(clock('SOLUTION_AGREED').breachedAt).toBeNull();
  expect(wo.severity).toBe('MAJOR');
  expect(wo.escalations.length).toBeGreaterThanOrEqual(1);
  expect(wo.escalations[0]).toMatchObject({ from: 'HANDLER', to: 'DEPARTMENT_HEAD' });

  // analytics counts the breaches as they happen, while the case is still open
  const month = new Date(new Date(receivedAt).getTime() + 8 * 3_600_000).toISOString().slice(0, 7); // the month in Shanghai
  const report = await eventually(
    async () => {
      const r = await system.graphql(
        token('demo-analyst'),
        `query($m: String!) { monthlyReport(month: $m, siteId: "demo-site-1") { sla { breached } } }`,
        { m: month },
      );
      return r.data?.monthlyReport?.sla?.breached >= 3 ? r.data.monthlyReport : undefined;
    },
    20_000,
    'the breaches in the monthly report',
  );
  expect(report.sla.breached).toBeGreaterThanOrEqual(3);
});

it('closes the rework loop end to end: resolved → callback → recorded dissatisfied → reopened → resolved again → second callback (domain.md §4)', async () => {
  const filed = await system.graphql(token('demo-front-desk'), FILE, {
    i: { ...input, unitId: 'demo-site-1-unit-502', customerId: 'demo-customer-2', channel: 'PHONE', idempotencyKey: 'rework-loop' },
  });
  const id = filed.data.fileComplaint.id;
  const read = () => system.graphql(token('demo-complaint-rep'), COMPLAINT, { id }).then((r) => r.data!.complaint);
  const wo = (await eventually(async () => (await read()).workOrders[0], 20_000, 'the work order')) as { id: string };
  await handleToResolution(steps, wo.id);
  const first = await eventually(
    async () => {
      const c = await read();
      return c.status === 'RESOLVED' && c.callbacks.length === 1 ? c : undefined;
    },
    20_000,
    'the first callback',
  );

  // the front desk took the case, so it calls back (minor: by phone or WeChat) and hears it is not fixed
  const dissatisfied = await system.graphql(
    token('demo-front-desk'),
    `mutation($i: RecordCallbackInput!) { recordCallback(input: $i) { status satisfaction } }`,
    {
      i: {
        callbackId: first.callbacks[0].id,
        method: 'PHONE',
        reached: '张敏',
        serviceQuality: 'BASICALLY_SATISFIED',
        attitude: 'SATISFIED',
        satisfaction: 'DISSATISFIED',
        shortcomings: 'Still stops at floor 7.',
      },
    },
  );
  expect(dissatisfied.errors).toBeUndefined();
  const reopened = await eventually(
    async () => {
      const c = await read();
      return c.status === 'OPEN' && c.workOrders[0].status === 'REOPENED' ? c : undefined;
    },
    20_000,
    'the reopened case',
  );
  expect(reopened.workOrders[0].round).toBe(2);

  await handleToResolution(steps, wo.id);
  const second = await eventually(
    async () => {
      const c = await read();
      return c.status === 'RESOLVED' && c.callbacks.length === 2 ? c : undefined;
    },
    20_000,
    'the second callback',
  );
  expect(second.workOrders[0]).toMatchObject({ status: 'RESOLVED', round: 2 });
});
