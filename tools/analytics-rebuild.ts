import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/core';
import { ANALYTICS, knexOf, rebuildReadModel, type RebuildProgress } from '@pc/analytics';
import { connectBus } from '@pc/messaging';
import { ServiceConfig, loadConfig, migrate, ormOptions } from '@pc/platform';
import { subgraphPersistence } from '@pc/subgraph';
import { progressPrinter } from './progress';

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

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
  const printer = progressPrinter();
  const units = { replay: 'events', fold: 'cases', aggregate: 'site-months' };
  try {
    const result = await rebuildReadModel(knexOf(orm), nc, config.NATS_NAMESPACE, {
      onProgress: (p: RebuildProgress) => printer.show({ label: p.phase, unit: units[p.phase], ...p }),
    });
    printer.end();
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
