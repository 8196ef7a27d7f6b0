import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUBGRAPH_NAMES } from '@pc/gateway';
import { DEMO_HISTORY_DATASET, DEMO_HISTORY_STAFF, DEMO_USERS } from '@pc/intake';
import { demoRoster } from '@pc/notify';
import { ServiceConfig, portVariable, signToken } from '@pc/platform';
import { eventually } from './harness';
import { playHistory, type Gql, type HistorySummary } from './demo-history';
import { demoPlan, historyStart, planCustomers, type CasePlan } from './demo-plan';
import { serviceArgs, type Runtime } from './process-command';
import { progressPrinter } from './progress';

/**
 * What `npm start` does for the demo (no AUTH_JWT_SECRET or AUTH_JWKS_URL given): its own secret, the
 * demo complaints and duty roster of this week, and, on the first start, thirteen months of history.
 */

export function demoSecret(dataDir: string): string {
  const file = join(dataDir, 'demo-jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(24).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export async function fileDemoComplaints(gateway: string, token: string): Promise<void> {
  const demo = [
    {
      key: 'demo-1',
      siteId: 'demo-site-1',
      unitId: 'demo-site-1-unit-101',
      customerId: 'demo-customer-1',
      channel: 'PHONE',
      category: 'EQUIPMENT',
      description: '1号楼电梯运行中停在两层之间，业主被困约十分钟。',
    },
    {
      key: 'demo-2',
      siteId: 'demo-site-1',
      unitId: 'demo-site-1-unit-502',
      customerId: 'demo-customer-2',
      channel: 'WECHAT',
      category: 'NOISE',
      description: '隔壁装修晚上十点后仍在施工，噪音很大。',
      urgent: true,
    },
    {
      key: 'demo-3',
      siteId: 'demo-site-2',
      unitId: 'demo-site-2-unit-1201',
      customerId: 'demo-customer-3',
      channel: 'VISIT',
      category: 'FEES',
      description: 'Service charge billed twice this month.',
    },
  ];
  for (const { key, ...input } of demo) {
    const res = await fetch(gateway, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: 'mutation F($i: FileComplaintInput!) { fileComplaint(input: $i) { id } }',
        variables: { i: { ...input, idempotencyKey: key } },
      }),
    });
    const body = (await res.json()) as { errors?: unknown[] };
    if (body.errors) throw new Error(`demo complaint ${key}: ${JSON.stringify(body.errors)}`);
  }
}

/**
 * The demo sites' duty roster for the week (notify): every shift staffed and a duty director each day,
 * so that who is on duty answers and the week-ahead check finds no gap. Notify learns the demo staff
 * from intake's registry events a moment after start: an unknown id is retried for up to 30 seconds.
 */
export async function assignDemoRosters(gateway: string, token: string): Promise<number> {
  const entries = demoRoster(new Date());
  for (const e of entries) {
    const [query, i] =
      e.kind === 'duty'
        ? [
            'mutation A($i: AssignDutyInput!) { assignDuty(input: $i) { date } }',
            { siteId: e.siteId, date: e.date, shift: e.shift, staffIds: e.staffIds },
          ]
        : [
            'mutation D($i: AssignDutyDirectorInput!) { assignDutyDirector(input: $i) { date } }',
            { siteId: e.siteId, date: e.date, userId: e.userId },
          ];
    await eventually(
      async () => {
        const res = await fetch(gateway, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query, variables: { i } }),
        });
        const body = (await res.json()) as { errors?: unknown[] };
        if (body.errors) throw new Error(JSON.stringify(body.errors));
        return true;
      },
      30_000,
      `the demo roster (${e.kind} ${e.siteId} ${e.date})`,
    );
  }
  return entries.length;
}

/**
 * The first demo start writes thirteen months of history (tools/demo-plan.ts) through the services
 * themselves, with their clocks moved by this process; later starts find `demo-history.json` and skip
 * it. `DEMO_HISTORY=0` skips it always.
 */
export async function demoHistoryOnce(
  config: ServiceConfig,
  env: NodeJS.ProcessEnv,
  runtime: Runtime,
  dataDir: string,
  say: (line: string) => void,
): Promise<void> {
  const marker = join(dataDir, 'demo-history.json');
  if (env.DEMO_HISTORY === '0' || existsSync(marker)) return;
  // the history moves the services' clocks, which they refuse in production (PC_CLOCK=ipc)
  if (env.NODE_ENV === 'production') {
    say("Demo history: not played under NODE_ENV=production (it moves the services' clocks)");
    return;
  }
  const now = new Date();
  const customers = planCustomers(DEMO_HISTORY_DATASET);
  // DEMO_HISTORY_MONTHS (0-12, default 12): how many months before this one the history reaches back
  const months = Number(env.DEMO_HISTORY_MONTHS ?? 12);
  if (!Number.isInteger(months) || months < 0 || months > 12) {
    throw new Error(`DEMO_HISTORY_MONTHS must be a whole number from 0 to 12, not "${env.DEMO_HISTORY_MONTHS}"`);
  }
  const plans = demoPlan(now, customers, 28, months);
  const tokens = Object.fromEntries([...DEMO_USERS, ...DEMO_HISTORY_STAFF].map((u) => [u.sub, signToken(u, config.AUTH_JWT_SECRET, '2h')]));
  say(
    `Demo history: ${plans.length} cases of the last ${months + 1} months, played once through the services (later starts skip this) ...`,
  );
  const printer = progressPrinter(process.stdout);
  const DAY = 86_400_000;
  const from = historyStart(now, months).getTime();
  const days = Math.floor((now.getTime() - from) / DAY);
  const began = Date.now();
  const ports = Object.fromEntries([...SUBGRAPH_NAMES.map((n) => [n, config[portVariable(n)]]), ['gateway', config.GATEWAY_PORT]]);
  const summary = await writeDemoHistory({
    args: (name) => serviceArgs(name, runtime),
    subgraphs: SUBGRAPH_NAMES,
    env,
    host: config.HOST,
    ports,
    gateway: `http://${config.HOST}:${config.GATEWAY_PORT}/graphql`,
    plans,
    tokens,
    logFile: join(dataDir, 'demo-history.log'),
    now,
    // progress in days of history played (steps are added as cases move on, so their total grows)
    onProgress: (_steps, _total, at) => {
      const done = Math.floor((at.getTime() - from) / DAY);
      const rate = done / Math.max(0.001, (Date.now() - began) / 1000);
      printer.show({ label: 'history', done, total: days, rate, etaSeconds: rate ? (days - done) / rate : null, unit: 'days' });
    },
  });
  printer.end();
  writeFileSync(marker, JSON.stringify({ writtenAt: now.toISOString(), ...summary }, null, 2));
  say(
    `Demo history: ${summary.complaints} complaints, ${summary.services} repairs and paid services, ${summary.surveys} surveys in ${summary.seconds.toFixed(0)} s (${summary.notificationsRead} of its messages marked read)` +
      (summary.failed.length
        ? `; ${summary.failed.length} steps refused (first: ${summary.failed[0].step} of ${summary.failed[0].key}: ${summary.failed[0].reason}; all in ${marker})`
        : ''),
  );
}

export interface WriteHistoryOptions {
  /** node arguments of a service (`serviceArgs(name, runtime)`). */
  args(name: string): string[];
  subgraphs: readonly string[];
  env: NodeJS.ProcessEnv;
  host: string;
  ports: Record<string, number>;
  gateway: string;
  plans: CasePlan[];
  tokens: Record<string, string>;
  /** Where the services' log lines of the run go. */
  logFile: string;
  now: Date;
  onProgress?(done: number, total: number, at: Date): void;
}

/**
 * Starts the subgraphs with clocks the history moves (PC_CLOCK=ipc) and the gateway, plays the plan,
 * and stops them again; the services that `npm start` then runs carry on from the same databases and
 * stream with the system clock.
 */
/**
 * The history's messages are history: each demo user's bell starts at what arrives from now on, not at
 * hundreds of old messages (they stay listed, marked read). Answers how many were marked.
 */
async function markHistoryRead(gql: Gql, tokens: Record<string, string>): Promise<number> {
  let marked = 0;
  for (const token of Object.values(tokens)) {
    for (;;) {
      const page = (await gql(token, '{ myNotifications(unreadOnly: true, first: 100) { edges { node { id } } } }')) as {
        edges: { node: { id: string } }[];
      };
      if (!page.edges.length) break;
      const changed = (await gql(token, 'mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }', {
        ids: page.edges.map((e) => e.node.id),
      })) as number;
      marked += changed;
      if (!changed) break; // nothing more this user may mark: never loop on the same page
    }
  }
  return marked;
}

export async function writeDemoHistory(o: WriteHistoryOptions): Promise<HistorySummary & { notificationsRead: number; seconds: number }> {
  const started = Date.now();
  const log = createWriteStream(o.logFile);
  const first = (
    o.plans.map((p) => (p.kind === 'survey' ? p.at : p.filedAt)).sort((a, b) => a.getTime() - b.getTime())[0] ?? o.now
  ).toISOString();
  const env: NodeJS.ProcessEnv = {
    ...o.env,
    PC_CLOCK: 'ipc',
    PC_CLOCK_START: first,
    SLA_SCAN_MS: '200',
    OUTBOX_POLL_MS: '100',
    RATE_LIMIT_USER_PER_MIN: '1000000',
    RATE_LIMIT_ORG_PER_MIN: '10000000',
    LOG_LEVEL: 'warn',
    PC_SUPERVISOR_PID: String(process.pid),
  };
  const children = [...o.subgraphs, 'gateway'].map((name) => {
    const child = spawn(process.execPath, o.args(name), { env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    for (const out of [child.stdout, child.stderr]) out?.on('data', (chunk: Buffer) => log.write(chunk));
    return { name, child };
  });
  const stopAll = () =>
    Promise.all(
      children.map(
        ({ child }) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
            child.once('exit', () => (clearTimeout(kill), resolve()));
            child.kill('SIGTERM');
          }),
      ),
    );
  try {
    const ours = async (name: string) => {
      const res = await fetch(`http://${o.host}:${o.ports[name]}/health`).catch(() => undefined);
      const body = res?.ok ? ((await res.json().catch(() => ({}))) as { supervisor?: number }) : {};
      return body.supervisor === process.pid;
    };
    await eventually(
      async () => (await Promise.all(children.map((c) => ours(c.name)))).every(Boolean),
      120_000,
      'the services of the demo history',
    );
    const gql: Gql = async (token, query, variables) => {
      const res = await fetch(o.gateway, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
      if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
      return Object.values(body.data ?? {})[0];
    };
    const summary = await playHistory(o.plans, {
      gql,
      tokens: o.tokens,
      clocks: children.filter((c) => c.name !== 'gateway').map((c) => c.child),
      until: new Date(o.now.getTime() - 3_600_000),
      onProgress: (done, total, at) => o.onProgress?.(done, total, at),
    });
    // let the last events reach every read model before the clocks go back to the system's
    await new Promise((r) => setTimeout(r, 3000));
    const read = await markHistoryRead(gql, o.tokens);
    return { ...summary, notificationsRead: read, seconds: (Date.now() - started) / 1000 };
  } finally {
    await stopAll();
    log.end();
  }
}
