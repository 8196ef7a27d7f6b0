import 'reflect-metadata';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { connect as tcpConnect } from 'node:net';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import pretty from 'pino-pretty';
import { SUBGRAPH_NAMES } from '@pc/gateway';
import { Role } from '@pc/contracts';
import { DEMO_DATASET, DEMO_HISTORY_DATASET, DEMO_USERS, INTAKE, seedRegistry } from '@pc/intake';
import { ServiceConfig, loadConfig, ormOptions, portVariable, signToken } from '@pc/platform';
import { subgraphPersistence } from '@pc/subgraph';
import { ensureConsoleBuilt } from './console-build';
import { migrateAll } from './migrate';
import { recordDemoCustomers } from './demo-customers';
import { recordDemoRelationship } from './demo-relationship';
import { assignDemoRosters, demoHistoryOnce, demoSecret, fileDemoComplaints } from './demo-start';
import { serviceArgs, type Runtime } from './process-command';
import { eventually } from './system';

/**
 * `npm start`: NATS (a local `nats-server -js` when none answers), migrations, demo data, the four
 * subgraphs and the gateway as five supervised processes; prints the gateway URL and a demo token
 * per role once every service answers its health check.
 *
 * Supervision: a service that dies is restarted on its own (backoff 1 s, 2 s, 4 s ... 30 s, reset
 * after a minute up), with the reason logged; the other four keep running. SIGTERM, SIGINT or SIGHUP
 * (or the parent `npm` going away) stops every child with SIGTERM, waits for them (SIGKILL after
 * STOP_TIMEOUT_MS), then exits: no process and no port is left behind. A child also stops by itself
 * if this supervisor disappears (PC_SUPERVISOR_PID).
 */
const ROOT = join(__dirname, '..');
/** Helper processes (nats-server) stopped last. */
const helpers: ChildProcess[] = [];
const say = (line: string) => process.stdout.write(`${line}\n`);
const STOP_TIMEOUT_MS = 15_000;
const MAX_BACKOFF_MS = 30_000;
/** A service up this long has its backoff reset. */
const HEALTHY_AFTER_MS = 60_000;

/**
 * Readable logs in a terminal (issue 28): the services always log JSON lines; under `npm start` in a
 * terminal, outside production, the supervisor shows each as one coloured line (pino-pretty).
 * `LOG_FORMAT=json` keeps the JSON, `LOG_FORMAT=pretty` forces the lines (e.g. piped into a pager).
 */
const PRETTY =
  process.env.LOG_FORMAT === 'pretty' ||
  (process.env.LOG_FORMAT !== 'json' && Boolean(process.stdout.isTTY) && process.env.NODE_ENV !== 'production');
const prettyLogs = (destination: 1 | 2) =>
  pretty({
    colorize: Boolean(process.stdout.isTTY),
    destination,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname',
    singleLine: true,
  });

class Supervised {
  child: ChildProcess | null = null;
  private backoffMs = 1000;
  private startedAt = 0;
  private restartTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly name: string,
    private readonly args: string[],
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  start(): void {
    this.startedAt = Date.now();
    const child = spawn(process.execPath, this.args, { cwd: ROOT, env: this.env, stdio: PRETTY ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    if (PRETTY) {
      // one coloured line per log event (lines that are not JSON pass through as they are)
      child.stdout?.pipe(prettyLogs(1));
      child.stderr?.pipe(prettyLogs(2));
    }
    this.child = child;
    child.once('exit', (code, signal) => {
      this.child = null;
      if (stopping) return;
      if (Date.now() - this.startedAt > HEALTHY_AFTER_MS) this.backoffMs = 1000;
      const why = signal ? `killed by ${signal}` : `exited with code ${code}`;
      say(`[supervisor] ${this.name} ${why}; restarting it in ${this.backoffMs / 1000} s (the other services keep running)`);
      this.restartTimer = setTimeout(() => {
        this.restartTimer = null;
        if (!stopping) this.start();
      }, this.backoffMs);
      this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
    });
  }

  /** SIGTERM, then SIGKILL after the timeout; resolves when the process is gone. */
  stop(): Promise<void> {
    if (this.restartTimer) clearTimeout(this.restartTimer);
    return stopProcess(this.child);
  }
}

const services: Supervised[] = [];
let stopping = false;

function stopProcess(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => (clearTimeout(kill), resolve()));
    child.kill('SIGTERM');
  });
}

function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url.replace(/^nats:/, 'http:'));
  return new Promise((resolve) => {
    const socket = tcpConnect({ host: hostname, port: Number(port || 4222) });
    socket.setTimeout(1500);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

async function ensureNats(url: string, dataDir: string): Promise<void> {
  if (await reachable(url)) {
    say(`NATS: using ${url}`);
    return;
  }
  const { hostname, port } = new URL(url.replace(/^nats:/, 'http:'));
  if (!['127.0.0.1', 'localhost'].includes(hostname)) throw new Error(`NATS at ${url} is not reachable`);
  if (spawnSync('nats-server', ['--version']).status !== 0) {
    throw new Error(
      `no NATS server answers at ${url} and nats-server is not installed.\n` +
        `  Install it (Debian/Ubuntu: sudo apt-get install -y nats-server) and run npm start again,\n` +
        `  or point NATS_URL at a NATS server with JetStream enabled.`,
    );
  }
  const store = join(dataDir, 'nats');
  mkdirSync(store, { recursive: true });
  const nats = spawn('nats-server', ['-js', '-a', hostname, '-p', port || '4222', '-sd', store], { stdio: 'ignore' });
  helpers.push(nats);
  await eventually(() => reachable(url), 15_000, 'nats-server to listen');
  say(`NATS: started nats-server -js on ${url} (data in ${store})`);
}

/** Stops every service (and then the helpers), waits for all of them, and exits. */
async function stopAll(code: number, why: string): Promise<never> {
  if (!stopping) {
    stopping = true;
    say(`[supervisor] ${why}: stopping ${services.length} services ...`);
    await Promise.all(services.map((s) => s.stop()));
    await Promise.all(helpers.map((h) => stopProcess(h)));
    say('[supervisor] everything stopped');
  }
  process.exit(code);
}

async function main(): Promise<void> {
  const dataDir = process.env.DATA_DIR || join(ROOT, '.data');
  mkdirSync(dataDir, { recursive: true });
  const env: NodeJS.ProcessEnv = { DATA_DIR: dataDir, ...process.env };
  // demo tokens are printed only when the demo secret is ours: an operator's own secret is never shown or used to mint tokens
  // production (NODE_ENV=production, PC_RUNTIME=dist or --dist) runs the compiled build; it is built first when missing
  const runtime: Runtime = process.argv.includes('--dist') || env.PC_RUNTIME === 'dist' || env.NODE_ENV === 'production' ? 'dist' : 'ts';
  if (runtime === 'dist' && !existsSync(join(ROOT, 'dist/apps/gateway/src/main.js'))) {
    say('Building the compiled services (npm run build) ...');
    const built = spawnSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('npm run build failed');
  }
  say(
    `Services run ${runtime === 'dist' ? 'as compiled JavaScript from dist/ (source maps on)' : 'from the TypeScript sources (SWC register hook; --dist for the compiled build)'}`,
  );
  const demoMode = !env.AUTH_JWT_SECRET && !env.AUTH_JWKS_URL;
  if (demoMode) {
    env.AUTH_JWT_SECRET = demoSecret(dataDir);
    // the console's sign-in page offers the demo users (the gateway signs their tokens); the sandbox is on
    const usersFile = join(dataDir, 'demo-users.json');
    const offered = DEMO_USERS.filter((u) => process.argv.includes('--with-admin-token') || !u.roles.includes(Role.ADMIN));
    writeFileSync(usersFile, JSON.stringify(offered, null, 2));
    env.CONSOLE_DEMO_USERS_FILE ??= usersFile;
    env.GRAPHQL_SANDBOX ??= 'true';
  }
  const config = loadConfig(ServiceConfig, env);
  // (every port was checked free by tools/start.ts before this module was loaded)
  ensureConsoleBuilt(say);

  await ensureNats(config.NATS_URL, dataDir);
  say(config.DATABASE_URL ? `Database: PostgreSQL at ${config.DATABASE_URL}` : `Database: embedded SQLite files in ${dataDir}`);
  await migrateAll([], env);

  const orm = await MikroORM.init(ormOptions(subgraphPersistence(INTAKE, config)));
  await seedRegistry(orm.em.fork(), DEMO_DATASET);
  if (demoMode) await seedRegistry(orm.em.fork(), DEMO_HISTORY_DATASET);
  await orm.close();
  say('Demo data: demo-org, demo-site-1, demo-site-2 (areas, units, customers)');
  if (demoMode) await demoHistoryOnce(config, env, runtime, dataDir, say);

  const childEnv = { ...env, PC_SUPERVISOR_PID: String(process.pid) };
  for (const name of [...SUBGRAPH_NAMES, 'gateway']) {
    const service = new Supervised(name, serviceArgs(name, runtime), childEnv);
    services.push(service);
    service.start();
  }
  const gateway = `http://${config.HOST}:${config.GATEWAY_PORT}/graphql`;
  // the banner comes after every service's start-up lines: wait until every one of ours (supervised by
  // this process, not another program on the port) answers its health check
  const ports = [...SUBGRAPH_NAMES.map((n) => config[portVariable(n)]), config.GATEWAY_PORT];
  const ours = async (p: number) => {
    const res = await fetch(`http://${config.HOST}:${p}/health`).catch(() => undefined);
    const body = res?.ok ? ((await res.json().catch(() => ({}))) as { supervisor?: number }) : {};
    return body.supervisor === process.pid;
  };
  await eventually(async () => (await Promise.all(ports.map(ours))).every(Boolean), 120_000, 'every service to answer /health');
  await new Promise((r) => setTimeout(r, 500)); // let the last start-up lines reach the terminal first
  say('');
  say(`Gateway:  ${gateway}   (health: ${gateway.replace(/graphql$/, 'health')})`);
  say(
    `Console:  ${gateway.replace(/graphql$/, '')}   (${demoMode ? 'sign in as a demo user' : 'sign in through CONSOLE_OIDC_ISSUER'}${env.GRAPHQL_SANDBOX === 'true' ? `; GraphQL sandbox: ${gateway.replace(/graphql$/, 'sandbox')}` : ''})`,
  );
  if (demoMode) {
    await fileDemoComplaints(gateway, signToken(DEMO_USERS[0], config.AUTH_JWT_SECRET));
    const admin = DEMO_USERS.find((u) => u.roles.includes(Role.ADMIN))!;
    const roster = await assignDemoRosters(gateway, signToken(admin, config.AUTH_JWT_SECRET));
    say(`Demo roster: ${roster} duty entries for demo-site-1 and demo-site-2 (shifts and duty directors, this week)`);
    const files = await recordDemoCustomers(gateway, config.AUTH_JWT_SECRET);
    say(
      `Demo customer files: ${files.holdings} households with the unit they hold, ${files.tags} key customers, ${files.claims} new claim`,
    );
    const relation = await recordDemoRelationship(gateway, config.AUTH_JWT_SECRET);
    say(
      `Demo relationship: an owners' committee of ${relation.members} at demo-site-1, ${relation.meetings} new meeting, the year's plan, ${relation.notices} new notice`,
    );
    // an ADMIN of every site is the most powerful token there is: printed only when asked for
    const withAdmin = process.argv.includes('--with-admin-token');
    say(`Demo secret kept in ${join(dataDir, 'demo-jwt-secret')} (mode 600). Demo tokens (valid 12 h), one per role:`);
    for (const u of DEMO_USERS.filter((x) => withAdmin || !x.roles.includes(Role.ADMIN))) {
      say(`  ${u.roles.join(',').padEnd(16)} ${signToken(u, config.AUTH_JWT_SECRET)}`);
    }
    if (!withAdmin) say('  (ADMIN: npm start -- --with-admin-token)');
  } else {
    say('Tokens come from your issuer (AUTH_JWT_SECRET or AUTH_JWKS_URL was set): no demo tokens printed, no demo complaints filed.');
  }
  say('');
  say(
    `Try: curl -s ${gateway} -H 'content-type: application/json' -H "authorization: Bearer <token>" -d '{"query":"{ sites { id name areas { id name } } }"}'`,
  );
  say('Ctrl-C (or kill <pid of npm start>) stops everything and frees every port.');
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stopAll(0, `${signal} received`));
// `kill <npm pid>`: should npm go away without passing the signal on, this process is re-parented; stop then too
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) void stopAll(0, `the parent process ${parent} is gone`);
}, 1000).unref();
main().catch((e) => {
  process.stderr.write(`start failed: ${e?.message ?? e}\n`);
  void stopAll(1, 'start failed');
});
