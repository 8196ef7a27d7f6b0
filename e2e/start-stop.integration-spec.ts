import { createServer, type AddressInfo } from 'node:net';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUBGRAPH_NAMES } from '@pc/gateway';
import { DEMO_HISTORY_DATASET, DEMO_USERS } from '@pc/intake';
import { ServiceConfig, loadConfig, portVariable, signToken } from '@pc/platform';
import { eventually, freePort } from '@pc/system';
import { deleteStream } from '../tools/harness';
import { demoPlan, planCustomers } from '../tools/demo-plan';

/**
 * `npm start` as an operator runs it (issue 15): every subgraph and the gateway under its supervisor, with the
 * embedded databases in a data directory of its own, its own ports and NATS namespace (the shared
 * NATS server on 4222). A service killed with SIGKILL is restarted alone; SIGTERM to the npm process
 * stops everything and frees every port. Real: npm, node, nats-server. Mocked: nothing.
 */
const ROOT = join(__dirname, '..');

const portOpen = (port: number): Promise<boolean> =>
  fetch(`http://127.0.0.1:${port}/health`)
    .then(() => true)
    .catch(() => false);

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The pids of a process's descendants (ps), depth first. */
function descendants(pid: number): number[] {
  const out = spawnSync('ps', ['-eo', 'pid=,ppid=']).stdout.toString();
  const pairs = out
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number));
  const kids = (p: number): number[] => pairs.filter(([, pp]) => pp === p).flatMap(([c]) => [c, ...kids(c)]);
  return kids(pid);
}

let npm: ChildProcess | undefined;
let output = '';
const dataDir = mkdtempSync(join(tmpdir(), 'pc-start-'));
const namespace = `start_${process.pid}_${Date.now()}`;

afterAll(async () => {
  if (npm?.pid && alive(npm.pid)) {
    for (const pid of [npm.pid, ...descendants(npm.pid)]) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone already
      }
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
  await deleteStream(
    loadConfig(ServiceConfig, {
      ...process.env,
      NATS_NAMESPACE: namespace,
      AUTH_JWT_SECRET: 'unused-by-this-cleanup',
      GATEWAY_SECRET: 'unused-by-this-cleanup',
    }),
  );
});

it('issue 28: with another program on a port, npm start names the port, the service and the variable, starts nothing and exits 1', async () => {
  const holder = createServer();
  await new Promise<void>((r) => holder.listen(0, '127.0.0.1', r));
  const taken = (holder.address() as AddressInfo).port;
  const free = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    NATS_NAMESPACE: namespace,
    GATEWAY_PORT: String(free),
    ...Object.fromEntries(
      SUBGRAPH_NAMES.map((n) => [portVariable(n), String(n === 'dispatch' ? taken : free + 1 + SUBGRAPH_NAMES.indexOf(n))]),
    ),
  };
  delete env.DATABASE_URL;
  delete env.AUTH_JWT_SECRET;
  const started = Date.now();
  const run = spawnSync('npm', ['start'], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
  const seconds = (Date.now() - started) / 1000;
  holder.close();
  expect(run.status).toBe(1);
  expect(run.stdout).toContain(
    `port ${taken} on 127.0.0.1 (dispatch) is in use by another program: stop it, or start with DISPATCH_PORT=<another port>`,
  );
  expect(run.stdout).not.toContain('Database:'); // nothing was started
  expect(run.stderr).not.toContain('EADDRINUSE');
  process.stdout.write(`npm start with a port in use: exit ${run.status} after ${seconds.toFixed(1)} s\n`);
});

it('restarts a service that dies without stopping the others, and stops everything on SIGTERM to npm, freeing every port', async () => {
  const gateway = await freePort();
  const ports = Object.fromEntries(await Promise.all(SUBGRAPH_NAMES.map(async (n) => [n, await freePort()] as const)));
  const { dispatch } = ports;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    NATS_NAMESPACE: namespace,
    GATEWAY_PORT: String(gateway),
    ...Object.fromEntries(SUBGRAPH_NAMES.map((n) => [portVariable(n), String(ports[n])])),
  };
  delete env.DATABASE_URL; // the embedded databases, in DATA_DIR
  delete env.AUTH_JWT_SECRET;
  env.LOG_FORMAT = 'pretty'; // as in a terminal: one readable line per log event, not JSON
  env.DEMO_HISTORY_MONTHS = '0'; // the demo history of this month only (all thirteen months take three minutes or more)
  npm = spawn('npm', ['start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  npm.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  npm.stderr!.on('data', (d: Buffer) => (output += d.toString()));

  await eventually(() => Promise.resolve(output.includes('stops everything and frees every port')), 240_000, 'the start banner').catch(
    (e: Error) => {
      throw new Error(`${e.message}; npm start said:\n${output.split('\n').slice(-15).join('\n')}`);
    },
  );
  // the banner comes after every service answered its health check
  for (const port of [gateway, ...Object.values(ports)]) expect(await portOpen(port)).toBe(true);
  // the demo data's duty roster (notify): someone is on duty at both demo sites now, with the day's director
  expect(output).toMatch(/Demo roster: \d+ duty entries/);
  // issue 28: the services' log events as readable lines (time, level, service), no raw JSON line
  expect(output).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO \(notify\): /m);
  expect(output.split('\n').filter((l) => l.startsWith('{"level"'))).toEqual([]);
  const admin = DEMO_USERS.find((u) => u.sub === 'demo-admin')!;
  const token = signToken(admin, readFileSync(join(dataDir, 'demo-jwt-secret'), 'utf8').trim());
  await demoHistoryAgrees(gateway, token);
  for (const siteId of ['demo-site-1', 'demo-site-2']) {
    const res = await fetch(`http://127.0.0.1:${gateway}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: `{ currentDuty(siteId: "${siteId}") { staff { id } director { id } } }` }),
    });
    const duty = ((await res.json()) as { data: { currentDuty: { staff: { id: string }[]; director: { id: string } | null } } }).data
      .currentDuty;
    expect(duty.staff.length).toBeGreaterThan(0);
    expect(duty.director?.id).toMatch(/^demo-(site-head|area-manager)$/);
  }
  const services = descendants(npm.pid!);
  const dispatchPid = Number(
    spawnSync('ps', ['-eo', 'pid=,args='])
      .stdout.toString()
      .split('\n')
      .find((l) => services.includes(Number(l.trim().split(/\s+/)[0])) && l.includes('apps/dispatch/src/main'))
      ?.trim()
      .split(/\s+/)[0],
  );
  expect(dispatchPid).toBeGreaterThan(0);

  process.kill(dispatchPid, 'SIGKILL');
  await eventually(
    () => Promise.resolve(output.includes('[supervisor] dispatch killed by SIGKILL; restarting it in 1 s')),
    20_000,
    'the restart notice',
  );
  await eventually(
    async () => (await fetch(`http://127.0.0.1:${dispatch}/health`).catch(() => undefined))?.ok,
    90_000,
    'dispatch to answer again',
  );
  expect(alive(dispatchPid)).toBe(false);
  for (const port of [gateway, ...Object.values(ports).filter((p) => p !== dispatch)]) expect(await portOpen(port)).toBe(true); // the others never stopped

  const everything = [npm.pid!, ...descendants(npm.pid!)];
  npm.kill('SIGTERM');
  await eventually(() => Promise.resolve(everything.every((pid) => !alive(pid))), 30_000, 'every process to exit');
  for (const port of [gateway, ...Object.values(ports)]) expect(await portOpen(port)).toBe(false);
  expect(output).toContain('[supervisor] everything stopped');
}, 360_000);

/**
 * Issue 28, the demo history: every step of the plan was accepted by the services (none refused), and
 * the read models agree: analytics counts this month's complaints per site as intake holds them, and
 * the callbacks of the history were recorded.
 */
async function demoHistoryAgrees(gateway: number, token: string): Promise<void> {
  const written = JSON.parse(readFileSync(join(dataDir, 'demo-history.json'), 'utf8')) as {
    writtenAt: string;
    notificationsRead: number;
    complaints: number;
    steps: number;
    failed: unknown[];
  };
  expect(written.failed).toEqual([]);
  // every case of the plan was played: the plan is deterministic, so the test draws it again for the same day
  const customers = planCustomers(DEMO_HISTORY_DATASET);
  const plan = demoPlan(new Date(written.writtenAt), customers, 28, 0);
  expect(written.complaints).toBe(plan.filter((p) => p.kind === 'complaint').length);
  expect(written.steps).toBeGreaterThanOrEqual(plan.length);
  expect(output).toMatch(
    /Demo history: \d+ complaints, \d+ repairs and paid services, \d+ surveys in \d+ s \(\d+ of its messages marked read\)\n/,
  );
  // the history's messages are marked read: the bells start at what happens from now on
  if (written.complaints > 0) expect(written.notificationsRead).toBeGreaterThan(0);
  const gql = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await fetch(`http://127.0.0.1:${gateway}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: any; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return body.data;
  };
  const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7); // this month in Shanghai
  for (const siteId of ['demo-site-1', 'demo-site-2']) {
    await eventually(
      async () => {
        const held = (await gql(`query($s: ID) { complaints(siteId: $s, first: 200) { receivedAt } }`, { s: siteId })).complaints.filter(
          (c: { receivedAt: string }) => new Date(new Date(c.receivedAt).getTime() + 8 * 3_600_000).toISOString().startsWith(month),
        ).length;
        const report = (
          await gql(`query($m: String!, $s: ID) { monthlyReport(month: $m, siteId: $s) { complaints invalid } }`, { m: month, s: siteId })
        ).monthlyReport;
        const counted = report.complaints + report.invalid; // the report's complaints are the valid ones
        return held > 0 && counted === held;
      },
      30_000,
      `analytics to count the complaints intake holds at ${siteId} in ${month}`,
    );
  }
}
