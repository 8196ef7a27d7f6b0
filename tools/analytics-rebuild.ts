import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/core';
import { ANALYTICS, knexOf, rebuildReadModel, type RebuildProgress } from '@pc/analytics';
import { connectBus } from '@pc/messaging';
import { ServiceConfig, loadConfig, migrate, ormOptions } from '@pc/platform';
import { subgraphPersistence } from '@pc/subgraph';

const WIDTH = 30;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const duration = (s: number | null) =>
  s === null ? '?' : s >= 90 ? `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s` : `${Math.round(s)}s`;

/** One line per phase: a bar, done/total, the rate and the time left. */
function bar(p: RebuildProgress): string {
  const share = p.total ? Math.min(1, p.done / p.total) : 1;
  const filled = Math.round(share * WIDTH);
  const unit = p.phase === 'replay' ? 'events' : p.phase === 'fold' ? 'cases' : 'site-months';
  return `${p.phase.padEnd(9)} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(Math.round(share * 100)).padStart(3)}%  ${fmt(p.done)}/${fmt(p.total)} ${unit}  ${fmt(p.rate)}/s  ETA ${duration(p.etaSeconds)}`;
}

/**
 * `npm run analytics:rebuild`: drops the analytics read model and replays the whole event stream into it
 * (see `rebuildReadModel`), printing a progress bar with rate and ETA. Safe while analytics runs: its
 * live consumer keeps applying new events, and both write the same rows from the same events.
 */
async function main(): Promise<void> {
  const config = loadConfig(ServiceConfig, {
    AUTH_JWT_SECRET: 'unused-by-this-tool',
    GATEWAY_SECRET: 'unused-by-this-tool',
    ...process.env,
  });
  const persistence = subgraphPersistence(ANALYTICS, config);
  await migrate(persistence);
  const orm = await MikroORM.init(ormOptions(persistence));
  const nc = await connectBus({ url: config.NATS_URL, namespace: config.NATS_NAMESPACE, service: 'analytics-rebuild' });
  const tty = process.stderr.isTTY;
  let lastPhase = '';
  let lastPrint = 0;
  try {
    const result = await rebuildReadModel(knexOf(orm), nc, config.NATS_NAMESPACE, {
      onProgress(p) {
        const now = Date.now();
        const finished = p.done >= p.total;
        if (p.phase !== lastPhase && lastPhase && tty) process.stderr.write('\n');
        if (tty) process.stderr.write(`\r${bar(p)}`);
        else if (finished || now - lastPrint > 2000 || p.phase !== lastPhase) process.stderr.write(`${bar(p)}\n`);
        lastPhase = p.phase;
        lastPrint = now;
      },
    });
    if (tty) process.stderr.write('\n');
    for (const p of result.parked) process.stderr.write(`not readable, skipped: ${p.subject}: ${p.reason}\n`);
    process.stdout.write(
      `rebuilt the read model from ${fmt(result.events)} events (${fmt(result.cases)} cases, ${fmt(result.siteMonths)} site-months) in ${result.seconds.toFixed(1)} s: ${fmt(result.eventsPerSecond)} events/s\n`,
    );
  } finally {
    await nc.close();
    await orm.close();
  }
}

main().catch((e) => {
  process.stderr.write(`analytics:rebuild failed: ${e?.stack ?? e}\n`);
  process.exit(1);
});
