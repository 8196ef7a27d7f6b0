/**
 * Benchmark (not a test): reads straight to their subgraphs, per process CPU from /proc.
 *
 *   npm run bench:reads -- [--seconds 8] [--concurrency 4] [--complaints 100] [--rounds 4]
 *                          [--runtimes dist|ts|ts,dist] [--baseline <git ref>] [--baseline-runtime dist|ts] [--development]
 *
 * Starts one whole system per side, as the tests do, each filing `--complaints` complaints through
 * its gateway: this checkout in each runtime of `--runtimes` (the compiled build of `npm run build`,
 * default; `ts`: the sources through SWC's register hook) and, with `--baseline`, the compiled build
 * of another commit (unpacked and built once under the temp dir: tools/bench/baseline.ts; a commit
 * from before the compiled build with `--baseline-runtime ts`). Then it
 * drives, with `--concurrency` requests in flight, every side in turns (`--rounds` slices each, so
 * that the machine's noise weighs on all alike):
 *   - the department queue: `workOrders(first: 20)` with each work order's deadlines, to dispatch;
 *   - `complaint(id)` with its fields, to intake;
 *   - `{ __typename }` to dispatch: what a request costs before it reads anything;
 * and prints requests/s, p50/p99 and the CPU milliseconds per request of the subgraph process
 * (utime + stime from /proc/<pid>/stat), and with a baseline the ratio of CPU per request.
 * The services run as deployed (`NODE_ENV=production`, the gateway's secret on direct requests) unless
 * `--development`. `PC_BENCH_PROFILE_DIR=dir` writes CPU profiles of dispatch and intake under it (dir/<side>/dispatch, …).
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { DEMO_DATASET, DEMO_USERS } from '@pc/intake';
import { System, eventually } from '../system';
import type { Runtime } from '../process-command';
import { baselineFromArgs, sideFolder } from './baseline';
import { deployment } from './deployed';
import { profileArgs } from './profile';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const log = (msg: string) => process.stdout.write(`${msg}\n`);

/** CPU ms (user + system) of a process from /proc/<pid>/stat (clock ticks of 10 ms). */
export function procCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export interface LoadResult {
  requests: number;
  /** Seconds spent sending. */
  elapsed: number;
  /** Every request's round trip in ms, sorted. */
  latencies: number[];
  perSecond: number;
  p50: number;
  p99: number;
  cpuPerRequest: Record<string, number>;
  errors: number;
}

/**
 * Sends `body` to `url` with `concurrency` in flight for `seconds`; CPU per request of each named process.
 * With several tokens, in-flight request i carries token i (mod their number): distinct users, whose
 * identical requests no layer may merge.
 */
export async function drive(
  url: string,
  token: string | readonly string[],
  body: string,
  seconds: number,
  concurrency: number,
  pids: Record<string, number>,
  headers: Record<string, string> = {},
): Promise<LoadResult> {
  const tokens = typeof token === 'string' ? [token] : token;
  const send = async (worker = 0) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', authorization: `Bearer ${tokens[worker % tokens.length]}` },
      body,
    });
    const json = (await res.json()) as { errors?: unknown[] };
    return res.ok && !json.errors;
  };
  for (let i = 0; i < 50; i++) await send(i); // warm-up
  const cpu0 = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, procCpuMs(pid)]));
  const times: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (performance.now() < until) {
        const t = performance.now();
        if (!(await send(worker))) errors++;
        times.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return {
    requests: times.length,
    elapsed,
    latencies: times,
    perSecond: times.length / elapsed,
    p50: times[Math.floor(times.length / 2)],
    p99: times[Math.floor(times.length * 0.99)],
    cpuPerRequest: Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, (procCpuMs(pid) - cpu0[k]) / times.length])),
    errors,
  };
}

/** Several slices of one load taken as one: requests and CPU summed, latencies pooled. */
export function merge(slices: LoadResult[]): LoadResult {
  const requests = slices.reduce((n, r) => n + r.requests, 0);
  const elapsed = slices.reduce((n, r) => n + r.elapsed, 0);
  const latencies = slices.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const names = Object.keys(slices[0].cpuPerRequest);
  return {
    requests,
    elapsed,
    latencies,
    perSecond: requests / elapsed,
    p50: latencies[Math.floor(latencies.length / 2)],
    p99: latencies[Math.floor(latencies.length * 0.99)],
    cpuPerRequest: Object.fromEntries(names.map((k) => [k, slices.reduce((ms, r) => ms + r.cpuPerRequest[k] * r.requests, 0) / requests])),
    errors: slices.reduce((n, r) => n + r.errors, 0),
  };
}

/**
 * Both (or all) sides of a comparison in turns: `rounds` slices each, one side after the other, so that
 * a noisy neighbour slowing the machine for a while weighs on every side alike.
 */
export async function inTurns<K extends string>(
  rounds: number,
  sides: Record<K, () => Promise<LoadResult>>,
): Promise<Record<K, LoadResult>> {
  const slices = Object.fromEntries(Object.keys(sides).map((k) => [k, [] as LoadResult[]])) as unknown as Record<K, LoadResult[]>;
  for (let i = 0; i < rounds; i++) {
    for (const k of Object.keys(sides) as K[]) slices[k].push(await sides[k]());
  }
  return Object.fromEntries((Object.keys(sides) as K[]).map((k) => [k, merge(slices[k])])) as Record<K, LoadResult>;
}

const QUEUE = JSON.stringify({
  query: `{ workOrders(first: 20) { edges { node { id department status severity receivedAt deadlines { clock dueAt metAt breachedAt } } } pageInfo { hasNextPage endCursor } } }`,
});
/** What any request costs a subgraph before it reads anything (HTTP, auth, GraphQL pipeline, logging). */
const FLOOR = JSON.stringify({ query: '{ __typename }' });

/** How the read benches fill a queue: the demo desk files complaint `i` about the lift of unit 101. */
export const DEMO_FILING = `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id } }`;
export const demoFiling = (i: number) => ({
  siteId: 'demo-site-1',
  unitId: 'demo-site-1-unit-101',
  customerId: 'demo-customer-1',
  channel: 'PHONE',
  category: 'EQUIPMENT',
  description: `lift ${i}`,
});

/** One system under load: a runtime of this checkout, or the compiled build of a baseline commit. */
interface Side {
  name: string;
  system: System;
  desk: string;
  head: string;
  complaintId: string;
}

/** The services' settings: as deployed unless `--development` (tools/bench/deployed.ts). */
const { production, env: serviceEnv, directHeaders } = deployment();

async function startSide(name: string, runtime: Runtime, complaints: number, root?: string): Promise<Side> {
  const system = await System.start({
    env: serviceEnv(),
    runtime,
    root,
    nodeArgs: profileArgs(['dispatch', 'intake'], sideFolder(name)),
  });
  try {
    await system.seedRegistry(DEMO_DATASET);
    const user = (sub: string) => DEMO_USERS.find((u) => u.sub === sub)!;
    const desk = system.token(user('demo-front-desk'));
    const head = system.token(user('demo-department-head'));
    let complaintId = '';
    for (let i = 0; i < complaints; i++) {
      const r = await system.graphql(desk, DEMO_FILING, { i: demoFiling(i) });
      complaintId = (r.data as { fileComplaint: { id: string } }).fileComplaint.id;
    }
    await eventually(
      async () => Number((await system.sql<{ n: string }>('dispatch', 'select count(*) as n from work_order'))[0].n) >= complaints,
      60_000,
      'the work orders',
    );
    return { name, system, desk, head, complaintId };
  } catch (e) {
    await system.close();
    throw e;
  }
}

/** The reads, each driven on every side in turns. */
const READS: { name: string; service: 'dispatch' | 'intake'; body: (s: Side) => string; token: (s: Side) => string }[] = [
  { name: 'workOrders(first: 20) → dispatch', service: 'dispatch', body: () => QUEUE, token: (s) => s.head },
  {
    name: 'complaint(id) → intake',
    service: 'intake',
    body: (s) =>
      JSON.stringify({
        query: `query($id: ID!) { complaint(id: $id) { id siteId status valid severity channel category receivedAt departments } }`,
        variables: { id: s.complaintId },
      }),
    token: (s) => s.desk,
  },
  { name: '{ __typename } → dispatch (the floor)', service: 'dispatch', body: () => FLOOR, token: (s) => s.head },
];

async function main(): Promise<void> {
  const seconds = Number(arg('seconds', '5'));
  const concurrency = Number(arg('concurrency', '4'));
  const complaints = Number(arg('complaints', '100'));
  const rounds = Number(arg('rounds', '4'));
  const runtimes = arg('runtimes', 'dist').split(',').filter(Boolean) as Runtime[];
  log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; ${seconds} s per figure in ${rounds} turns, ${concurrency} in flight; services with NODE_ENV=${production ? 'production' : 'development'}`,
  );
  const baseline = baselineFromArgs();
  const sides: Side[] = [];
  try {
    if (baseline) sides.push(await startSide(baseline.name, baseline.runtime, complaints, baseline.root));
    for (const rt of runtimes) sides.push(await startSide(rt === 'dist' ? 'this build' : `this build (${rt})`, rt, complaints));
    const results: { read: string; side: string; r: LoadResult }[] = [];
    for (const read of READS) {
      const byside = await inTurns(
        rounds,
        Object.fromEntries(
          sides.map((s) => [
            s.name,
            () =>
              drive(
                s.system.urls[read.service],
                read.token(s),
                read.body(s),
                seconds / rounds,
                concurrency,
                { [read.service]: s.system.pid(read.service)! },
                directHeaders,
              ),
          ]),
        ),
      );
      for (const s of sides) results.push({ read: read.name, side: s.name, r: byside[s.name] });
    }
    log('\n| read | build | requests/s | p50 ms | p99 ms | CPU ms per request (subgraph) | errors |');
    log('|---|---|---|---|---|---|---|');
    for (const { read, side, r } of results) {
      log(
        `| ${read} | ${side} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${Object.values(r.cpuPerRequest)[0].toFixed(2)} | ${r.errors} |`,
      );
    }
    if (baseline) {
      for (const read of READS) {
        const [b, ...rest] = results.filter((x) => x.read === read.name);
        for (const x of rest) {
          const [before, after] = [Object.values(b.r.cpuPerRequest)[0], Object.values(x.r.cpuPerRequest)[0]];
          log(
            `${read.name}: CPU per request ${before.toFixed(2)} ms (${b.side}) → ${after.toFixed(2)} ms (${x.side}), ${(before / after).toFixed(2)}× less`,
          );
        }
      }
    }
  } finally {
    for (const s of sides) await s.system.close();
  }
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`bench:reads failed: ${e?.stack ?? e}\n`);
    process.exit(1);
  });
}
