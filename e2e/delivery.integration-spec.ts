import { connect, headers, StringCodec } from 'nats';
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
