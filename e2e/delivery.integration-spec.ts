import { connect, headers, StringCodec } from 'nats';
import {
  ComplaintFiled,
  ComplaintSeverityChanged,
  CustomerSaved,
  Severity,
  SeverityChangeReason,
  type ComplaintFiledV1,
} from '@pc/contracts';
import { DEMO_DATASET, DEMO_USERS } from '@pc/intake';
import { System, eventually } from '@pc/system';

/**
 * Real: the subgraph processes, PostgreSQL, NATS JetStream. The dispatch process is started with the
 * test-only fault hook that stops its `complaint.filed` consumer inside the transaction, after the
 * work order is written and before commit; the test then SIGKILLs it there.
 */
let system: System;

const rows = (sql: string) => system.sql('dispatch', sql);

beforeAll(async () => {
  system = await System.start({
    gateway: true,
    serviceEnv: { dispatch: { PC_FAULT_PAUSE_BEFORE_COMMIT: 'complaint.filed', NATS_ACK_WAIT_MS: '2000' } },
  });
  await system.seedRegistry(DEMO_DATASET);
});

afterAll(async () => {
  await system?.close();
});

it('creates the work order exactly once when dispatch is killed between receipt and commit', async () => {
  const token = system.token(DEMO_USERS[0]);
  const filed = await system.graphql(
    token,
    `mutation { fileComplaint(input: { siteId: "demo-site-1", customerId: "demo-customer-1",
    channel: WECHAT, category: HYGIENE, description: "Bins not emptied" }) { id } }`,
  );
  const complaintId = filed.data.fileComplaint.id as string;

  await eventually(
    () => Promise.resolve(system.output('dispatch').some((l) => l.includes('paused-before-commit'))),
    20_000,
    'dispatch to pause before commit',
  );
  expect(await rows(`select id from work_order where complaint_id = '${complaintId}'`)).toHaveLength(0);

  await system.stopService('dispatch', 'SIGKILL');
  await system.startService('dispatch', { PC_FAULT_PAUSE_BEFORE_COMMIT: '' });

  await eventually(
    async () => (await rows(`select id from work_order where complaint_id = '${complaintId}'`)).length === 1,
    30_000,
    'the work order after restart',
  );
  // past another ack wait: a redelivery must not create a second one
  await new Promise((r) => setTimeout(r, 3000));
  expect(await rows(`select id, department from work_order where complaint_id = '${complaintId}'`)).toEqual([
    { id: expect.any(String), department: 'CLEANING' },
  ]);
  expect(await rows(`select count(*)::int n from inbox_message where consumer = 'dispatch-complaint_filed'`)).toEqual([{ n: 1 }]);
});

it('parks a message that violates its contract, with the reason, and never retries it', async () => {
  const nc = await connect({ servers: system.config.NATS_URL });
  try {
    const h = headers();
    h.set('Nats-Msg-Id', 'poison-1');
    const body = JSON.stringify({
      id: 'poison-1',
      subject: 'complaint.filed',
      version: 1,
      occurredAt: new Date().toISOString(),
      orgId: 'demo-org',
      payload: { complaintId: 'x' },
    });
    await nc.jetstream().publish(`${system.config.NATS_NAMESPACE}.complaint.filed`, StringCodec().encode(body), { headers: h });
    const parked = await eventually(
      async () => {
        const r = await rows(`select consumer, message_id, reason, deliveries from parked_message where message_id = 'poison-1'`);
        return r.length ? r : undefined;
      },
      20_000,
      'the parked message',
    );
    expect(parked[0]).toMatchObject({ consumer: 'dispatch-complaint_filed', deliveries: 1 });
    expect(String(parked[0].reason)).toMatch(/orgId|siteId|customerId/);
    expect(await rows(`select id from work_order where complaint_id = 'x'`)).toHaveLength(0);
  } finally {
    await nc.close();
  }
});

/** Files complaints while dispatch is down, and waits until intake has put them on the bus, so that they wait together. */
async function fileWhileDispatchIsDown(count: number, tag: string): Promise<string[]> {
  const token = system.token(DEMO_USERS[0]);
  await system.stopService('dispatch');
  const ids: string[] = [];
  for (let n = 0; n < count; n += 1) {
    const filed = await system.graphql(
      token,
      `mutation { fileComplaint(input: { siteId: "demo-site-1", customerName: "${tag} ${n}", customerPhone: "13${tag === 'batch' ? 8 : 9}0000${String(n).padStart(4, '0')}",
      channel: PHONE, category: HYGIENE, description: "Stairwell ${n} not swept" }) { id } }`,
    );
    ids.push(filed.data.fileComplaint.id as string);
  }
  await eventually(
    async () => {
      const [{ n }] = await system.sql<{ n: number }>(
        'intake',
        `select count(*)::int n from outbox_event where subject = 'complaint.filed' and published_at is null`,
      );
      return n === 0;
    },
    20_000,
    'intake to relay the complaints',
  );
  return ids;
}

const workOrdersOf = async (ids: string[]) =>
  (await rows(`select distinct complaint_id from work_order where complaint_id in (${ids.map((id) => `'${id}'`).join(',')})`)).length;

it('applies messages waiting together in one transaction per batch (fewer transactions than messages, each applied once): complaint.filed and severity changes through handleBatch', async () => {
  const ids = await fileWhileDispatchIsDown(20, 'batch');
  await system.startService('dispatch', { PC_FAULT_PAUSE_BEFORE_COMMIT: '' });
  await eventually(async () => (await workOrdersOf(ids)) === 20, 30_000, 'the 20 work orders');
  // rows written in one transaction share its id (xmin)
  const [{ transactions, orders }] = await system.sql<{ transactions: number; orders: number }>(
    'dispatch',
    `select count(distinct xmin::text)::int transactions, count(*)::int orders from work_order
     where complaint_id in (${ids.map((id) => `'${id}'`).join(',')})`,
  );
  expect(orders).toBe(20);
  expect(transactions).toBeLessThan(20);

  // severity changes waiting together go through the handler's handleBatch: each lead work order major, with its major clocks
  await system.stopService('dispatch');
  const upgraded = ids.slice(0, 10);
  for (const complaintId of upgraded) {
    await system.publish(ComplaintSeverityChanged, {
      orgId: 'demo-org',
      siteId: 'demo-site-1',
      complaintId,
      from: Severity.MINOR,
      to: Severity.MAJOR,
      reason: SeverityChangeReason.REPEATED_UNRESOLVED,
      changedAt: new Date().toISOString(),
    });
  }
  await system.startService('dispatch', { PC_FAULT_PAUSE_BEFORE_COMMIT: '' });
  const list = upgraded.map((id) => `'${id}'`).join(',');
  await eventually(
    async () => (await rows(`select id from work_order where severity = 'MAJOR' and complaint_id in (${list})`)).length === 10,
    30_000,
    'the 10 work orders major',
  );
  const clocks = await rows(
    `select d.clock, count(*)::int n, count(d.cancelled_at)::int cancelled, count(distinct d.xmin::text)::int transactions
     from deadline d join work_order w on w.id = d.work_order_id where w.complaint_id in (${list})
     and d.clock in ('REPORT_TO_HEAD', 'SOLUTION_AGREED', 'FEEDBACK') group by d.clock order by d.clock`,
  );
  expect(clocks.map(({ clock, n, cancelled }) => ({ clock, n, cancelled }))).toEqual([
    { clock: 'FEEDBACK', n: 10, cancelled: 10 },
    { clock: 'REPORT_TO_HEAD', n: 10, cancelled: 0 },
    { clock: 'SOLUTION_AGREED', n: 10, cancelled: 0 },
  ]);
  expect(clocks.find((c) => c.clock === 'REPORT_TO_HEAD')!.transactions).toBeLessThan(10);
});

it('applies the other messages of a batch when one fails in its handler; that one is retried alone and parked', async () => {
  const ids = await fileWhileDispatchIsDown(5, 'fail');
  // a message that meets its contract but that dispatch cannot store (a complaint id longer than its column)
  const [{ body }] = await system.sql<{ body: string }>(
    'intake',
    `select body from outbox_event where subject = 'complaint.filed' and body like $1`,
    [`%${ids[0]}%`],
  );
  const payload = (JSON.parse(body) as { payload: ComplaintFiledV1 }).payload;
  await system.publish(ComplaintFiled, { ...payload, complaintId: 'x'.repeat(100) }, 'unstorable-1');
  await system.startService('dispatch', { PC_FAULT_PAUSE_BEFORE_COMMIT: '' });
  await eventually(async () => (await workOrdersOf(ids)) === 5, 30_000, 'the 5 work orders');
  const parked = await eventually(
    async () => {
      const r = await rows(`select reason, deliveries from parked_message where message_id = 'unstorable-1'`);
      return r.length ? r : undefined;
    },
    30_000,
    'the unstorable message parked',
  );
  expect(parked[0]).toMatchObject({ deliveries: 5 });
  expect(String(parked[0].reason)).toMatch(/failed 5 times; last error: .*too long/);
  expect(await rows(`select count(*)::int n from work_order where complaint_id = '${'x'.repeat(100)}'`)).toEqual([{ n: 0 }]);
}, 60_000);

it('writes a batch of customer announcements in one statement; a customer announced twice in it keeps the later announcement', async () => {
  await system.stopService('callback');
  const announce = (customerId: string, siteId: string) => system.publish(CustomerSaved, { orgId: 'demo-org', siteId, customerId });
  await announce('batch-customer-1', 'demo-site-1');
  await announce('batch-customer-2', 'demo-site-1');
  await announce('batch-customer-1', 'demo-site-2'); // moved: the later announcement wins
  await system.startService('callback');
  const known = await eventually(
    async () => {
      const r = await system.sql<{ customer_id: string; site_id: string; tx: string }>(
        'callback',
        `select customer_id, site_id, xmin::text tx from known_customer where customer_id like 'batch-customer-%' order by customer_id`,
      );
      return r.length === 2 ? r : undefined;
    },
    30_000,
    'the two customers known to callback',
  );
  expect(known.map((k) => [k.customer_id, k.site_id])).toEqual([
    ['batch-customer-1', 'demo-site-2'],
    ['batch-customer-2', 'demo-site-1'],
  ]);
  expect(new Set(known.map((k) => k.tx)).size).toBe(1);
});
