/**
 * Benchmark (not a test): the project's gateway against stock `@apollo/gateway`, over the same
 * subgraph processes, in one run.
 *
 *   npm run bench:gateway -- [--seconds 5] [--concurrency 8] [--complaints 60] [--rounds 4] [--hive] [--same-user]
 *
 * Starts the four subgraphs (compiled build) as the tests do, files the complaints, then starts two
 * gateway processes against them: the project's (`dist/apps/gateway`: auth, edge limits, cost and
 * rate limits on) and stock `@apollo/gateway` 2.14 in `@apollo/server`'s standalone server
 * (tools/bench/stock-gateway.ts). For each it drives
 *   - the federated console query: the department queue with each work order's complaint fields
 *     (dispatch, then intake through `_entities`);
 *   - a single-subgraph query (the queue alone), and the same query straight to dispatch, whose
 *     p50 difference is the gateway's own added latency;
 * and prints requests/s, p50/p99 and the CPU ms per request of the gateway process and of the
 * subgraphs it called (from /proc). Each request in flight carries its own department head's token
 * (same claims, another `sub`), as a console's users would: a gateway that merges identical in-flight
 * requests of one user (Hive Gateway does by default) cannot merge them. The sides of each comparison
 * take turns (`--rounds` slices of `--seconds / rounds` each), so that the machine's noise weighs on
 * every side alike. Everything runs as deployed: NODE_ENV=production, the subgraphs answering only a
 * caller with the gateway's secret (both gateways send it; the bench's straight requests too).
 * `PC_BENCH_PROFILE_DIR=dir` writes a CPU profile of the project gateway under it (dir/gateway).
 * `--hive` adds a third gateway to both comparisons under load: Hive Gateway's runtime with its
 * native Rust query planner (tools/bench/hive-gateway.ts), the alternative executor the README
 * weighs. `--same-user` gives every request in flight the same user's token instead (identical
 * requests at once, which a gateway that merges them serves with fewer subgraph calls).
 */
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { DEMO_DATASET, DEMO_USERS } from '@pc/intake';
import { System, eventually, freePort } from '../system';
import { serviceArgs } from '../process-command';
import { deployment } from './deployed';
import { profileArgs } from './profile';
import { DEMO_FILING, demoFiling, drive, inTurns, type LoadResult } from './reads';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const log = (msg: string) => process.stdout.write(`${msg}\n`);
const ROOT = join(__dirname, '..', '..');

const body = (query: string) => JSON.stringify({ query });
const QUEUE = `{ workOrders(first: 20) { edges { node { id department status severity receivedAt deadlines { clock dueAt metAt breachedAt } } } } }`;
const CONSOLE = `{ workOrders(first: 20) { edges { node { id department status deadlines { clock dueAt breachedAt } complaint { id status category severity channel receivedAt } } } } }`;

async function startProcess(args: string[], env: NodeJS.ProcessEnv, healthUrl: string, what: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stdout?.on('data', (c: Buffer) => output.push(c.toString()));
  child.stderr?.on('data', (c: Buffer) => output.push(c.toString()));
  await eventually(
    async () => {
      if (child.exitCode !== null) throw new Error(`${what} exited:\n${output.join('').slice(-2000)}`);
      const r = await fetch(healthUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: body('{ __typename }'),
      }).catch(() => undefined);
      return !!r;
    },
    60_000,
    what,
    true,
  );
  return child;
}

async function main(): Promise<void> {
  const seconds = Number(arg('seconds', '5'));
  const concurrency = Number(arg('concurrency', '8'));
  const complaints = Number(arg('complaints', '60'));
  const rounds = Number(arg('rounds', '4'));
  const withHive = process.argv.includes('--hive');
  const sameUser = process.argv.includes('--same-user');
  log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; ${seconds} s per figure, ${concurrency} in flight (${sameUser ? 'one user' : 'one user each'}); NODE_ENV=production`,
  );
  // the subgraphs and both gateways as deployed: NODE_ENV=production, the gateway's secret required
  const { env: deployed, directHeaders: direct } = deployment([]); // always as deployed: no --development here
  const system = await System.start({
    env: deployed(),
    runtime: 'dist',
    gateway: false,
  });
  const children: ChildProcess[] = [];
  try {
    await system.seedRegistry(DEMO_DATASET);
    const user = (sub: string) => DEMO_USERS.find((u) => u.sub === sub)!;
    const desk = system.token(user('demo-front-desk'));
    // one department head per request in flight: the same queue, but no two requests of one user at once
    const heads = Array.from({ length: concurrency }, (_, i) =>
      system.token({ ...user('demo-department-head'), sub: `demo-department-head-bench-${sameUser ? 0 : i}` }),
    );
    for (let i = 0; i < complaints; i++) {
      const res = await fetch(system.urls.intake, {
        method: 'POST',
        headers: { ...direct, 'content-type': 'application/json', authorization: `Bearer ${desk}` },
        body: JSON.stringify({ query: DEMO_FILING, variables: { i: demoFiling(i) } }),
      });
      const r = (await res.json()) as { errors?: unknown };
      if (r.errors) throw new Error(JSON.stringify(r.errors));
    }
    await eventually(
      async () => Number((await system.sql<{ n: string }>('dispatch', 'select count(*) as n from work_order'))[0].n) >= complaints,
      60_000,
      'the work orders',
    );
    const urls = Object.fromEntries(Object.entries(system.urls).map(([n, u]) => [`${n.toUpperCase()}_URL`, u]));
    const env = { ...system.env, ...urls, LOG_LEVEL: 'warn' };
    const ownPort = await freePort();
    const ownUrl = `http://127.0.0.1:${ownPort}/graphql`;
    children.push(
      await startProcess(
        [...(profileArgs(['gateway'])?.gateway ?? []), ...serviceArgs('gateway', 'dist')],
        { ...env, GATEWAY_PORT: String(ownPort) },
        ownUrl,
        'the project gateway',
      ),
    );
    /** A gateway to compare with, run from its file under tools/bench on a port of its own (`portVariable`). */
    const startCompared = async (file: string, portVariable: string, what: string): Promise<string> => {
      const port = await freePort();
      const url = `http://127.0.0.1:${port}/`;
      children.push(
        await startProcess(['-r', join(ROOT, 'tools/register.js'), join(ROOT, file)], { ...env, [portVariable]: String(port) }, url, what),
      );
      return url;
    };
    const stockUrl = await startCompared('tools/bench/stock-gateway.ts', 'STOCK_GATEWAY_PORT', 'the stock gateway');
    const hiveUrl = withHive ? await startCompared('tools/bench/hive-gateway.ts', 'HIVE_GATEWAY_PORT', 'Hive Gateway') : '';
    const [own, stock, hive] = children;
    const subgraphs = { dispatch: system.pid('dispatch')!, intake: system.pid('intake')! };
    const slice = seconds / rounds;
    const run =
      (url: string, query: string, gatewayPid?: number, inFlight = concurrency) =>
      () =>
        drive(
          url,
          heads,
          body(query),
          slice,
          inFlight,
          gatewayPid ? { gateway: gatewayPid, ...subgraphs } : subgraphs,
          gatewayPid ? {} : direct,
        );
    const results: [string, string, LoadResult][] = [];
    // the gateways under load, each side in turn; Hive Gateway only with --hive
    const gateways = (query: string): Record<string, () => Promise<LoadResult>> => ({
      stock: run(stockUrl, query, stock.pid),
      own: run(ownUrl, query, own.pid),
      ...(hive ? { hive: run(hiveUrl, query, hive.pid) } : {}),
    });
    const federated = await inTurns(rounds, gateways(CONSOLE));
    results.push(['console query (dispatch + intake)', 'stock @apollo/gateway', federated.stock]);
    results.push(['console query (dispatch + intake)', 'project gateway', federated.own]);
    if (federated.hive) results.push(['console query (dispatch + intake)', 'Hive Gateway (Rust planner)', federated.hive]);
    const queue = await inTurns<string>(rounds, { ...gateways(QUEUE), straight: run(system.urls.dispatch, QUEUE) });
    results.push(['single subgraph (the queue)', 'stock @apollo/gateway', queue.stock]);
    results.push(['single subgraph (the queue)', 'project gateway', queue.own]);
    if (queue.hive) results.push(['single subgraph (the queue)', 'Hive Gateway (Rust planner)', queue.hive]);
    results.push(['single subgraph (the queue)', 'straight to dispatch', queue.straight]);
    // the gateway's own latency: one request at a time, so nothing queues
    const single = await inTurns(rounds, {
      own: run(ownUrl, QUEUE, own.pid, 1),
      stock: run(stockUrl, QUEUE, stock.pid, 1),
      straight: run(system.urls.dispatch, QUEUE, undefined, 1),
    });
    results.push(['one at a time (the queue)', 'project gateway', single.own]);
    results.push(['one at a time (the queue)', 'stock @apollo/gateway', single.stock]);
    results.push(['one at a time (the queue)', 'straight to dispatch', single.straight]);
    log('\n| query | path | requests/s | p50 ms | p99 ms | CPU ms per request: gateway / dispatch / intake | errors |');
    log('|---|---|---|---|---|---|---|');
    for (const [name, path, r] of results) {
      const c = r.cpuPerRequest;
      log(
        `| ${name} | ${path} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${c.gateway?.toFixed(2) ?? '–'} / ${c.dispatch.toFixed(2)} / ${c.intake.toFixed(2)} | ${r.errors} |`,
      );
    }
    const find = (name: string, path: string) => results.find(([n, p]) => n.startsWith(name) && p.startsWith(path))![2];
    const ratio = find('console', 'project').perSecond / find('console', 'stock').perSecond;
    const added = find('one at a time', 'project').p50 - find('one at a time', 'straight').p50;
    const addedStock = find('one at a time', 'stock').p50 - find('one at a time', 'straight').p50;
    log(
      `\nconsole query: project gateway ${ratio.toFixed(2)}× the throughput of stock @apollo/gateway; one request at a time, the project gateway adds ${added.toFixed(1)} ms p50 to a single-subgraph query (stock: ${addedStock.toFixed(1)} ms)`,
    );
    if (federated.hive) {
      log(
        `console query: Hive Gateway ${(federated.hive.perSecond / find('console', 'stock').perSecond).toFixed(2)}× the throughput of stock @apollo/gateway`,
      );
    }
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await system.close();
  }
}

main().catch((e) => {
  process.stderr.write(`bench:gateway failed: ${e?.stack ?? e}\n`);
  process.exit(1);
});
