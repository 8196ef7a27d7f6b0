/**
 * Benchmark (not a test): files complaints through the gateway and prints throughput and latency.
 *
 *   npm run bench:intake -- [--count 2000] [--concurrency 16] [--direct] [--development] [--baseline <git ref> [--rounds 4] [--baseline-runtime dist|ts]]
 *
 * With `--baseline`, a second whole system runs another commit's build beside this one
 * (tools/bench/baseline.ts) and the two take turns, `count / rounds` complaints at a time, so that the
 * machine's noise weighs on both alike; each side's subgraph CPU is read from its own processes.
 * (The gateways of both share this process: their CPU is reported together.)
 *
 * `--direct` posts to the intake subgraph itself instead of the gateway, to tell the gateway's
 * share of the latency from intake's. The services run as deployed (`NODE_ENV=production`, the
 * gateway's secret required, sent on `--direct` requests) unless `--development`.
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
import type { Runtime } from '../process-command';
import { baselineFromArgs, sideFolder } from './baseline';
import { deployment } from './deployed';
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

/** One system under load: this checkout, or a baseline commit's build. */
interface Side {
  name: string;
  system: System;
  token: string;
  pids: Record<string, number>;
  cpu0: Record<string, number>;
  latencies: number[];
  seconds: number;
}

async function main(): Promise<void> {
  const count = arg('count', 2000);
  const concurrency = arg('concurrency', 16);
  const rounds = arg('rounds', 4);
  const direct = process.argv.includes('--direct');
  const { production, env: serviceEnv, directHeaders } = deployment();
  const log = (msg: string) => process.stdout.write(`${msg}\n`);
  log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; services with NODE_ENV=${production ? 'production' : 'development'}`,
  );
  const baseline = baselineFromArgs();
  log('starting the system (4 subgraph processes, gateway, fresh PostgreSQL databases, NATS namespace)...');
  const input = (i: number) => ({
    siteId: i % 2 ? 'demo-site-1' : 'demo-site-2',
    channel: 'PHONE',
    category: CATEGORIES[i % CATEGORIES.length],
    description: `Benchmark complaint ${i}`,
    customerName: `Bench customer ${i}`,
    customerPhone: `136${String(i).padStart(8, '0')}`,
    idempotencyKey: `bench-${i}`,
  });
  const fileOne = async (side: Side, i: number): Promise<number> => {
    const t0 = performance.now();
    const { system } = side;
    const r = await (direct
      ? system.graphql(side.token, FILE, { input: input(i) }, system.urls.intake, directHeaders)
      : system.graphql(side.token, FILE, { input: input(i) }));
    if (r.errors) throw new Error(`${side.name}, complaint ${i}: ${JSON.stringify(r.errors[0])}`);
    return performance.now() - t0;
  };
  const sides: Side[] = [];
  const start = async (name: string, runtime?: Runtime, root?: string): Promise<void> => {
    const system = await System.start({
      env: serviceEnv({ LOG_LEVEL: 'warn' }),
      runtime,
      root,
      nodeArgs: profileArgs(['intake'], baseline ? sideFolder(name) : ''),
    });
    const side: Side = { name, system, token: '', pids: {}, cpu0: {}, latencies: [], seconds: 0 };
    sides.push(side);
    await system.seedRegistry(DEMO_DATASET);
    side.token = system.token(DEMO_USERS.find((u) => u.sub === 'demo-front-desk')!);
    side.pids = Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, system.pid(n)!]));
  };
  try {
    if (baseline) await start(baseline.name, baseline.runtime, baseline.root);
    await start(baseline ? 'this build' : 'this system');
    const warmup = Math.min(100, count);
    for (const side of sides) for (let i = 0; i < warmup; i++) await fileOne(side, 1_000_000 + i);
    log(
      `warmed up with ${warmup} complaints; filing ${count} with ${concurrency} in flight, ${direct ? 'straight to the intake subgraph' : 'through the gateway'}${sides.length > 1 ? `, on each side in ${rounds} turns` : ''}...`,
    );
    for (const side of sides) side.cpu0 = Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, procCpuMs(side.pids[n])]));
    const gateway0 = process.cpuUsage();
    // the sides take turns, a slice of the complaints each, so that the machine's noise weighs on both alike
    const slices = sides.length > 1 ? rounds : 1;
    let lastReport = performance.now();
    for (let round = 0; round < slices; round++) {
      const from = Math.floor((count * round) / slices);
      const to = Math.floor((count * (round + 1)) / slices);
      for (const side of sides) {
        let next = from;
        const started = performance.now();
        await Promise.all(
          Array.from({ length: concurrency }, async () => {
            while (next < to) {
              const i = next++;
              side.latencies.push(await fileOne(side, i));
              if (performance.now() - lastReport > 5000) {
                lastReport = performance.now();
                log(`  ${side.name}: ${side.latencies.length}/${count} filed`);
              }
            }
          }),
        );
        side.seconds += (performance.now() - started) / 1000;
      }
    }
    const filedAt = performance.now();
    const total = count + warmup;
    for (const side of sides) {
      await eventually(
        async () => {
          const [{ n }] = await side.system.sql<{ n: number }>('dispatch', `select count(distinct complaint_id)::int n from work_order`);
          return n >= total;
        },
        600_000,
        'dispatch to open every work order',
      );
    }
    log(
      `dispatch had opened work orders for all ${total} complaints ${((performance.now() - filedAt) / 1000).toFixed(1)} s after the last one was filed`,
    );
    // the event path settles (callback and analytics consume too): then the CPU each process spent per complaint
    await new Promise((r) => setTimeout(r, 3000));
    const g = process.cpuUsage(gateway0);
    const gatewayMs = (g.user + g.system) / 1000 / (count * sides.length);
    const rows: { side: Side; perComplaint: (readonly [string, number])[] }[] = [];
    for (const side of sides) {
      const sorted = [...side.latencies].sort((a, b) => a - b);
      const perComplaint = SUBGRAPH_NAMES.map((n) => [n, (procCpuMs(side.pids[n]) - side.cpu0[n]) / count] as const);
      rows.push({ side, perComplaint });
      log(`${side.name}: filed ${count} complaints in ${side.seconds.toFixed(1)} s: ${(count / side.seconds).toFixed(0)} complaints/s`);
      log(
        `${side.name}: fileComplaint latency ms: p50 ${percentile(sorted, 50).toFixed(1)}, p90 ${percentile(sorted, 90).toFixed(1)}, p99 ${percentile(sorted, 99).toFixed(1)}, max ${sorted[sorted.length - 1].toFixed(1)}`,
      );
      log(
        `${side.name}: CPU ms per complaint (from /proc): ${perComplaint
          .map(([n, ms]) => `${n} ${ms.toFixed(1)}`)
          .join(', ')}; subgraphs together ${perComplaint.reduce((a, [, ms]) => a + ms, 0).toFixed(1)}`,
      );
    }
    log(`gateway + load generator (this process${sides.length > 1 ? ', both sides' : ''}): ${gatewayMs.toFixed(1)} ms CPU per complaint`);
    if (rows.length > 1) {
      const sum = (r: (typeof rows)[number]) => r.perComplaint.reduce((a, [, ms]) => a + ms, 0);
      log(
        `subgraphs' CPU per complaint: ${sum(rows[0]).toFixed(1)} ms (${rows[0].side.name}) → ${sum(rows[1]).toFixed(1)} ms (${rows[1].side.name}), ${(sum(rows[0]) / sum(rows[1])).toFixed(2)}× less`,
      );
    }
  } finally {
    for (const side of sides) await side.system.close();
  }
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
