import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type NatsConnection } from 'nats';
import { SUBGRAPH_NAMES } from '@pc/platform';
import { DEMO_DATASET, DEMO_USERS } from '@pc/intake';
import { streamName } from '@pc/messaging';
import { System, eventually, freePort } from '@pc/system';

/**
 * Issue 15: the pipeline on a real three-node NATS JetStream cluster with the stream at R3
 * (`NATS_STREAM_REPLICAS=3`). The test starts its own three `nats-server -js` processes (own client
 * and route ports, own store directories, clustered with routes) and never touches the shared server
 * on 4222. Complaints are filed while the stream's leader is killed with SIGKILL; every complaint
 * must still get exactly its work orders and callbacks, with nothing parked and nothing twice.
 * Real: three NATS servers, PostgreSQL, the four subgraph processes and the gateway. Mocked: nothing.
 */
interface Node {
  name: string;
  port: number;
  process: ChildProcess;
}

const nodes: Node[] = [];
const storeRoot = mkdtempSync(join(tmpdir(), 'pc-nats-cluster-'));
let system: System | undefined;
let nc: NatsConnection | undefined;

async function startCluster(): Promise<string> {
  const ports = await Promise.all([0, 1, 2].map(async () => ({ client: await freePort(), route: await freePort() })));
  ports.forEach((p, i) => {
    const routes = ports
      .filter((_, j) => j !== i)
      .map((r) => `nats://127.0.0.1:${r.route}`)
      .join(',');
    const name = `pc-test-n${i + 1}`;
    const child = spawn(
      'nats-server',
      [
        '-js',
        '-a',
        '127.0.0.1',
        '-p',
        String(p.client),
        '-sd',
        join(storeRoot, name),
        '-n',
        name,
        '--cluster_name',
        'pc-test',
        '--cluster',
        `nats://127.0.0.1:${p.route}`,
        '--routes',
        routes,
      ],
      { stdio: 'ignore' },
    );
    nodes.push({ name, port: p.client, process: child });
  });
  const url = nodes.map((n) => `nats://127.0.0.1:${n.port}`).join(',');
  nc = await eventually(() => connect({ servers: url.split(','), maxReconnectAttempts: -1 }), 20_000, 'the cluster to accept connections');
  // JetStream answers once the three servers have elected a meta leader
  await eventually(async () => Boolean(await (await nc!.jetstreamManager()).getAccountInfo()), 30_000, 'JetStream of the cluster');
  return url;
}

afterAll(async () => {
  await system?.close().catch(() => undefined);
  await nc?.close().catch(() => undefined);
  for (const n of nodes) n.process.kill('SIGKILL');
  rmSync(storeRoot, { recursive: true, force: true });
});

it('keeps exactly-once work orders and callbacks on an R3 stream while the stream leader is killed with SIGKILL', async () => {
  const url = await startCluster();
  system = await System.start({ env: { ...process.env, NATS_URL: url, NATS_STREAM_REPLICAS: '3' } });
  // (the services create the R3 stream themselves, retrying while the cluster places its replicas)
  await system.seedRegistry(DEMO_DATASET);
  const desk = system.token(DEMO_USERS.find((u) => u.sub === 'demo-front-desk')!);
  const jsm = await nc!.jetstreamManager();
  const stream = streamName(system.config.NATS_NAMESPACE);
  const info = await jsm.streams.info(stream);
  expect(info.config.num_replicas).toBe(3);

  // 40 complaints: 30 dispatched (one work order each), 10 answered on the spot (one callback each)
  const file = async (i: number) => {
    const r = await system!.graphql(desk, `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id status } }`, {
      i: {
        siteId: 'demo-site-1',
        customerId: i % 2 ? 'demo-customer-1' : 'demo-customer-2',
        channel: 'PHONE',
        category: 'EQUIPMENT',
        description: `Cluster complaint ${i}: the corridor light ${i} flickers.`,
        idempotencyKey: `cluster-${i}`,
        ...(i % 4 === 3 ? { resolution: 'Explained the maintenance schedule on the spot.' } : {}),
      },
    });
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data.fileComplaint as { id: string; status: string };
  };
  const filed: { id: string; status: string }[] = [];
  for (let i = 0; i < 20; i++) filed.push(await file(i));

  // kill the stream's leader mid-stream, then keep filing
  const leader = (await jsm.streams.info(stream)).cluster?.leader;
  const victim = nodes.find((n) => n.name === leader);
  expect(victim).toBeDefined();
  victim!.process.kill('SIGKILL');
  process.stdout.write(`killed the stream leader ${leader} after 20 complaints\n`);
  for (let i = 20; i < 40; i++) filed.push(await eventually(() => file(i), 60_000, `complaint ${i} after the leader died`));

  const dispatched = filed.filter((c) => c.status === 'OPEN').map((c) => c.id);
  const onTheSpot = filed.filter((c) => c.status === 'RESOLVED_AT_INTAKE').map((c) => c.id);
  expect(dispatched).toHaveLength(30);
  expect(onTheSpot).toHaveLength(10);
  await eventually(
    async () => {
      const [{ n }] = await system!.sql<{ n: string }>('dispatch', `select count(*) as n from work_order`);
      return Number(n) === 30;
    },
    90_000,
    'a work order for every dispatched complaint',
  );
  await eventually(
    async () => {
      const [{ n }] = await system!.sql<{ n: string }>('callback', `select count(*) as n from callback`);
      return Number(n) === 10;
    },
    90_000,
    'a callback for every complaint answered on the spot',
  );
  const perComplaint = await system.sql<{ complaint_id: string; n: string }>(
    'dispatch',
    `select complaint_id, count(*) as n from work_order group by complaint_id`,
  );
  expect(perComplaint.map((r) => r.complaint_id).sort()).toEqual([...dispatched].sort());
  expect(perComplaint.every((r) => Number(r.n) === 1)).toBe(true);
  const callbacks = await system.sql<{ complaint_id: string }>('callback', `select complaint_id from callback`);
  expect(callbacks.map((r) => r.complaint_id).sort()).toEqual([...onTheSpot].sort());
  for (const service of SUBGRAPH_NAMES) {
    expect({ service, parked: await system.sql(service, `select consumer, reason from parked_message`) }).toEqual({ service, parked: [] });
  }
  // every filing reached the outbox once and was published (nothing left behind by the failover)
  await eventually(
    async () => {
      const [{ n }] = await system!.sql<{ n: string }>('intake', `select count(*) as n from outbox_event where published_at is null`);
      return Number(n) === 0;
    },
    60_000,
    'the intake outbox to drain',
  );
}, 300_000);
