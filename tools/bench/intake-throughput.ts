/**
 * Benchmark (not a test): files complaints through the gateway and prints throughput and latency.
 *
 *   npm run bench:intake -- [--count 2000] [--concurrency 16] [--direct]
 *
 * `--direct` posts to the intake subgraph itself instead of the gateway, to tell the gateway's
 * share of the latency from intake's.
 *
 * Starts the whole system like the tests do (four subgraph processes on fresh PostgreSQL databases,
 * a NATS namespace of its own, the gateway in this process), seeds the demo registry, warms up, then
 * files `count` complaints with `concurrency` requests in flight. Every complaint gets its own
 * customer, so rule A never links two of them. Prints requests/s and p50/p90/p99 of the
 * `fileComplaint` round trip, then how long dispatch took to open every work order (the event path:
 * outbox → JetStream → dispatch's consumer).
 */
import 'reflect-metadata';
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { DEMO_DATASET, DEMO_USERS } from '@pc/intake';
import { SUBGRAPH_NAMES } from '@pc/gateway';
import { System, eventually } from '../system';
import { profileArgs } from './profile';
import { procCpuMs } from './reads';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} must be a positive integer`);
  return v;
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

const FILE = `mutation F($input: FileComplaintInput!) { fileComplaint(input: $input) { id } }`;
const CATEGORIES = ['EQUIPMENT', 'FEES', 'NOISE', 'HYGIENE', 'SERVICE_ATTITUDE', 'PARKING'];

async function main(): Promise<void> {
  const count = arg('count', 2000);
  const concurrency = arg('concurrency', 16);
  const direct = process.argv.includes('--direct');
  const log = (msg: string) => process.stdout.write(`${msg}\n`);
  log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  log('starting the system (4 subgraph processes, gateway, fresh PostgreSQL databases, NATS namespace)...');
  const system = await System.start({ env: { ...process.env, LOG_LEVEL: 'warn' }, nodeArgs: profileArgs(['intake']) });
  try {
    await system.seedRegistry(DEMO_DATASET);
    const token = system.token(DEMO_USERS.find((u) => u.sub === 'demo-front-desk')!);
    const input = (i: number) => ({
      siteId: i % 2 ? 'demo-site-1' : 'demo-site-2',
      channel: 'PHONE',
      category: CATEGORIES[i % CATEGORIES.length],
      description: `Benchmark complaint ${i}`,
      customerName: `Bench customer ${i}`,
      customerPhone: `136${String(i).padStart(8, '0')}`,
      idempotencyKey: `bench-${i}`,
    });
    const fileOne = async (i: number): Promise<number> => {
      const t0 = performance.now();
      const r = await system.graphql(token, FILE, { input: input(i) }, direct ? system.urls.intake : system.gatewayUrl);
      if (r.errors) throw new Error(`complaint ${i}: ${JSON.stringify(r.errors[0])}`);
      return performance.now() - t0;
    };

    const warmup = Math.min(100, count);
    for (let i = 0; i < warmup; i++) await fileOne(1_000_000 + i);
    log(
      `warmed up with ${warmup} complaints; filing ${count} with ${concurrency} in flight, ${direct ? 'straight to the intake subgraph' : 'through the gateway'}...`,
    );

    const pids = Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, system.pid(n)!]));
    const cpu0 = Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, procCpuMs(pids[n])]));
    const gateway0 = process.cpuUsage();
    const latencies: number[] = [];
    let next = 0;
    const started = performance.now();
    let lastReport = started;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < count) {
          const i = next++;
          latencies.push(await fileOne(i));
          if (performance.now() - lastReport > 5000) {
            lastReport = performance.now();
            log(`  ${latencies.length}/${count} filed`);
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const filedAt = performance.now();
    const sorted = [...latencies].sort((a, b) => a - b);
    log(`filed ${count} complaints in ${seconds.toFixed(1)} s: ${(count / seconds).toFixed(0)} complaints/s`);
    log(
      `fileComplaint latency ms: p50 ${percentile(sorted, 50).toFixed(1)}, p90 ${percentile(sorted, 90).toFixed(1)}, p99 ${percentile(sorted, 99).toFixed(1)}, max ${sorted[sorted.length - 1].toFixed(1)}`,
    );

    const total = count + warmup;
    await eventually(
      async () => {
        const [{ n }] = await system.sql<{ n: number }>('dispatch', `select count(distinct complaint_id)::int n from work_order`);
        return n >= total;
      },
      600_000,
      'dispatch to open every work order',
    );
    log(
      `dispatch had opened work orders for all ${total} complaints ${((performance.now() - filedAt) / 1000).toFixed(1)} s after the last one was filed`,
    );
    // the event path settles (callback and analytics consume too): then the CPU each process spent per complaint
    await new Promise((r) => setTimeout(r, 3000));
    const perComplaint = SUBGRAPH_NAMES.map((n) => [n, (procCpuMs(pids[n]) - cpu0[n]) / count] as const);
    const g = process.cpuUsage(gateway0);
    const gatewayMs = (g.user + g.system) / 1000 / count;
    log(
      `CPU ms per complaint (from /proc; the gateway shares this process with the load generator): ${perComplaint
        .map(([n, ms]) => `${n} ${ms.toFixed(1)}`)
        .join(
          ', ',
        )}, gateway + client ${gatewayMs.toFixed(1)}; subgraphs together ${perComplaint.reduce((a, [, ms]) => a + ms, 0).toFixed(1)}`,
    );
  } finally {
    await system.close();
  }
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
