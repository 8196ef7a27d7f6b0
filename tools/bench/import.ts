/**
 * Benchmark (not a test): `npm run import` end to end into work orders.
 *
 *   npm run bench:import -- [--count 2000] [--batch 200] [--consumer-batches 1,64]
 *                           [--baseline <git ref> [--rounds 2] [--baseline-runtime dist|ts]]
 *
 * Starts the whole system as the tests do, writes `count` paper records (a JSONL file: two sites,
 * six categories, each with a record id and its received time), imports them through the gateway
 * with `importFile` (the CLI's code), and prints records/s of the import itself and how long dispatch
 * then needed to have opened every work order, with the CPU each process spent per record. It does so
 * once per `--consumer-batches` value (NATS_CONSUMER_BATCH: messages a consumer applies per
 * transaction), each on a fresh system, and prints both sides next to each other. With `--baseline`,
 * another commit's build (tools/bench/baseline.ts) is measured the same way (consumer batch 64 unless
 * given), the two taking turns for `--rounds` fresh systems each, and the ratio is printed.
 * `PC_BENCH_PROFILE_DIR=dir` writes a CPU profile of every subgraph under it (dir/<consumer batch>/<service>).
 */
import 'reflect-metadata';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SUBGRAPH_NAMES } from '@pc/gateway';
import { DEMO_DATASET, DEMO_USERS } from '@pc/intake';
import { System, eventually } from '../system';
import { importFile } from '../import';
import type { Runtime } from '../process-command';
import { baselineFromArgs, sideFolder } from './baseline';
import { profileArgs } from './profile';
import { procCpuMs } from './reads';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const log = (msg: string) => process.stdout.write(`${msg}\n`);
const CATEGORIES = ['EQUIPMENT', 'FEES', 'NOISE', 'HYGIENE', 'SERVICE_ATTITUDE', 'PARKING'];

interface Figures {
  side: string;
  consumerBatch: number;
  records: number;
  importPerSecond: number;
  endToEndPerSecond: number;
  dispatchLagSeconds: number;
  cpuMsPerRecord: Record<string, number>;
}

/** One import into a fresh system whose consumers apply up to `consumerBatch` messages per transaction. */
async function runOnce(count: number, batch: number, consumerBatch: number, side: Side): Promise<Figures> {
  log(`\n— ${side.name}: consumers applying up to ${consumerBatch} message(s) per transaction (NATS_CONSUMER_BATCH=${consumerBatch})`);
  const system = await System.start({
    env: { ...process.env, LOG_LEVEL: 'warn', NATS_CONSUMER_BATCH: String(consumerBatch) },
    runtime: side.runtime,
    root: side.root,
    nodeArgs: profileArgs(SUBGRAPH_NAMES, side.root ? `${sideFolder(side.name)}/${consumerBatch}` : String(consumerBatch)), // dir/<batch>/<service>
  });
  try {
    await system.seedRegistry(DEMO_DATASET);
    const token = system.token(DEMO_USERS.find((u) => u.sub === 'demo-front-desk')!);
    const file = join(mkdtempSync(join(tmpdir(), 'pc-bench-import-')), 'history.jsonl');
    const lines = Array.from({ length: count }, (_, i) =>
      JSON.stringify({
        recordId: `H-${i}`,
        siteId: i % 2 ? 'demo-site-1' : 'demo-site-2',
        channel: 'LETTER',
        category: CATEGORIES[i % CATEGORIES.length],
        description: `historic record ${i}`,
        customerName: `Customer ${i}`,
        customerPhone: `137${String(i).padStart(8, '0')}`,
        receivedAt: new Date(Date.now() - (1 + (i % 300)) * 86_400_000).toISOString(),
      }),
    );
    writeFileSync(file, `${lines.join('\n')}\n`);
    const pids = Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, system.pid(n)!]));
    const cpu0 = Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, procCpuMs(pids[n])]));
    const t0 = performance.now();
    const s = await importFile({ file, url: system.gatewayUrl, token, batch });
    const imported = performance.now();
    log(
      `imported ${s.records} records in ${s.seconds.toFixed(1)} s: ${(s.records / s.seconds).toFixed(0)} records/s (${s.filed} filed, ${s.rejected} refused)`,
    );
    await eventually(
      async () =>
        Number((await system.sql<{ n: string }>('dispatch', 'select count(distinct complaint_id) as n from work_order'))[0].n) >= s.filed,
      600_000,
      'every work order',
    );
    const seconds = (performance.now() - t0) / 1000;
    const lag = (performance.now() - imported) / 1000;
    log(
      `dispatch had opened every work order ${lag.toFixed(1)} s later: ${(s.filed / seconds).toFixed(0)} complaints/s end to end into work orders`,
    );
    // the other consumers (callback, analytics) finish their share
    await new Promise((r) => setTimeout(r, 3000));
    const cpuMsPerRecord = Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, (procCpuMs(pids[n]) - cpu0[n]) / s.records]));
    log(`CPU ms per record (from /proc): ${SUBGRAPH_NAMES.map((n) => `${n} ${cpuMsPerRecord[n].toFixed(1)}`).join(', ')}`);
    return {
      side: side.name,
      consumerBatch,
      records: s.records,
      importPerSecond: s.records / s.seconds,
      endToEndPerSecond: s.filed / seconds,
      dispatchLagSeconds: lag,
      cpuMsPerRecord,
    };
  } finally {
    await system.close();
  }
}

/** Which build runs: this checkout, or a baseline commit's (tools/bench/baseline.ts). */
interface Side {
  name: string;
  runtime?: Runtime;
  root?: string;
}

/** The runs of one side and one consumer batch taken together: rates over the summed times, CPU per record averaged. */
function together(runs: Figures[]): Figures {
  const records = runs.reduce((n, r) => n + r.records, 0);
  const importSeconds = runs.reduce((t, r) => t + r.records / r.importPerSecond, 0);
  const endToEndSeconds = runs.reduce((t, r) => t + r.records / r.endToEndPerSecond, 0);
  return {
    ...runs[0],
    records,
    importPerSecond: records / importSeconds,
    endToEndPerSecond: records / endToEndSeconds,
    dispatchLagSeconds: runs.reduce((t, r) => t + r.dispatchLagSeconds, 0) / runs.length,
    cpuMsPerRecord: Object.fromEntries(
      SUBGRAPH_NAMES.map((n) => [n, runs.reduce((ms, r) => ms + r.cpuMsPerRecord[n] * r.records, 0) / records]),
    ),
  };
}

async function main(): Promise<void> {
  const count = arg('count', 2000);
  const batch = arg('batch', 200);
  const rounds = arg('rounds', 2);
  const baseline = baselineFromArgs();
  const i = process.argv.indexOf('--consumer-batches');
  const consumerBatches = (i >= 0 ? process.argv[i + 1] : baseline ? '64' : '1,64').split(',').map(Number);
  if (consumerBatches.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--consumer-batches takes positive integers, e.g. 1,64');
  log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; ${count} records, ${batch} per call`);
  const sides: Side[] = baseline ? [baseline, { name: 'this build' }] : [{ name: 'this system' }];
  // with a baseline, the sides take turns (`--rounds` fresh systems each), so that the hour's noise weighs on both
  const byKey = new Map<string, Figures[]>();
  for (let round = 0; round < (baseline ? rounds : 1); round++) {
    for (const n of consumerBatches) {
      for (const side of sides) {
        const key = `${side.name}|${n}`;
        byKey.set(key, [...(byKey.get(key) ?? []), await runOnce(count, batch, n, side)]);
      }
    }
  }
  const runs = [...byKey.values()].map(together);
  log(
    '\n| build | messages per consumer transaction | import records/s | end to end into work orders /s | dispatch done after | CPU ms per record: ' +
      SUBGRAPH_NAMES.join(' / ') +
      ' |',
  );
  log('|---|---|---|---|---|---|');
  for (const r of runs) {
    log(
      `| ${r.side} | ${r.consumerBatch} | ${r.importPerSecond.toFixed(0)} | ${r.endToEndPerSecond.toFixed(0)} | ${r.dispatchLagSeconds.toFixed(1)} s | ${SUBGRAPH_NAMES.map((n) => r.cpuMsPerRecord[n].toFixed(1)).join(' / ')} |`,
    );
  }
  if (baseline) {
    const sum = (r: Figures) => SUBGRAPH_NAMES.reduce((ms, n) => ms + r.cpuMsPerRecord[n], 0);
    for (const n of consumerBatches) {
      const [a, b] = sides.map((side) => runs.find((r) => r.side === side.name && r.consumerBatch === n)!);
      log(
        `\nbatch ${n}: end to end ${a.endToEndPerSecond.toFixed(0)}/s (${a.side}) → ${b.endToEndPerSecond.toFixed(0)}/s (${b.side}); subgraphs' CPU per record ${sum(a).toFixed(1)} → ${sum(b).toFixed(1)} ms (${(sum(a) / sum(b)).toFixed(2)}× less)`,
      );
    }
  } else if (runs.length > 1) {
    const [a, b] = [runs[0], runs[runs.length - 1]];
    log(
      `\nbatch ${b.consumerBatch} vs ${a.consumerBatch}: end to end ×${(b.endToEndPerSecond / a.endToEndPerSecond).toFixed(2)}, ` +
        SUBGRAPH_NAMES.map((n) => `${n} CPU ×${(b.cpuMsPerRecord[n] / a.cpuMsPerRecord[n]).toFixed(2)}`).join(', '),
    );
  }
}

main().catch((e) => {
  process.stderr.write(`bench:import failed: ${e?.stack ?? e}\n`);
  process.exit(1);
});
