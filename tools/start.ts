import 'reflect-metadata';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect as tcpConnect } from 'node:net';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { SUBGRAPH_NAMES } from '@pc/gateway';
import { Role } from '@pc/contracts';
import { DEMO_DATASET, DEMO_USERS, INTAKE, seedRegistry } from '@pc/intake';
import { ServiceConfig, loadConfig, ormOptions, signToken } from '@pc/platform';
import { subgraphPersistence } from '@pc/subgraph';
import { migrateAll } from './migrate';
import { serviceArgs, type Runtime } from './process-command';
import { eventually } from './system';

/**
 * `npm start`: NATS (a local `nats-server -js` when none answers), migrations, demo data, the four
 * subgraphs and the gateway as five processes; prints the gateway URL and a demo token per role.
 */
const ROOT = join(__dirname, '..');
const children: ChildProcess[] = [];
const say = (line: string) => process.stdout.write(`${line}\n`);

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
  children.push(nats);
  await eventually(() => reachable(url), 15_000, 'nats-server to listen');
  say(`NATS: started nats-server -js on ${url} (data in ${store})`);
}

function demoSecret(dataDir: string): string {
  const file = join(dataDir, 'demo-jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(24).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

async function fileDemoComplaints(gateway: string, token: string): Promise<void> {
  const demo = [
    {
      key: 'demo-1',
      siteId: 'demo-site-1',
      unitId: 'demo-site-1-unit-101',
      customerId: 'demo-customer-1',
      channel: 'PHONE',
      category: 'EQUIPMENT',
      description: 'The lift in tower 1 stops between floors.',
    },
    {
      key: 'demo-2',
      siteId: 'demo-site-1',
      unitId: 'demo-site-1-unit-502',
      customerId: 'demo-customer-2',
      channel: 'WECHAT',
      category: 'NOISE',
      description: 'Renovation noise after 22:00 next door.',
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

function stopAll(code: number): never {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
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
  if (demoMode) env.AUTH_JWT_SECRET = demoSecret(dataDir);
  const config = loadConfig(ServiceConfig, env);

  await ensureNats(config.NATS_URL, dataDir);
  say(config.DATABASE_URL ? `Database: PostgreSQL at ${config.DATABASE_URL}` : `Database: embedded SQLite files in ${dataDir}`);
  await migrateAll([], env);

  const orm = await MikroORM.init(ormOptions(subgraphPersistence(INTAKE, config)));
  await seedRegistry(orm.em.fork(), DEMO_DATASET);
  await orm.close();
  say('Demo data: demo-org, demo-site-1, demo-site-2 (areas, units, customers)');

  for (const name of [...SUBGRAPH_NAMES, 'gateway']) {
    const child = spawn(process.execPath, serviceArgs(name, runtime), {
      cwd: ROOT,
      env,
      stdio: 'inherit',
    });
    child.once('exit', (code) => {
      say(`${name} exited (${code}); stopping everything`);
      stopAll(code ?? 1);
    });
    children.push(child);
  }
  const gateway = `http://${config.HOST}:${config.GATEWAY_PORT}/graphql`;
  await eventually(async () => (await fetch(gateway.replace(/graphql$/, 'health')).catch(() => undefined))?.ok, 120_000, 'the gateway');
  say('');
  say(`Gateway:  ${gateway}   (health: ${gateway.replace(/graphql$/, 'health')})`);
  if (demoMode) {
    await fileDemoComplaints(gateway, signToken(DEMO_USERS[0], config.AUTH_JWT_SECRET));
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
  say('Ctrl-C stops everything.');
}

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
main().catch((e) => {
  process.stderr.write(`start failed: ${e?.message ?? e}\n`);
  stopAll(1);
});
