/**
 * Benchmark (not a test): the SLA scheduler against a large open backlog.
 *
 *   npm run bench:sla -- [--count 100000] [--due-percent 10] [--batch 500]
 *
 * Creates `count` open work orders with their clocks (PLAN, REPLY, FEEDBACK, MAJOR_UPGRADE: four
 * deadlines each) straight in a fresh PostgreSQL database, of which `due-percent` % have PLAN and
 * FEEDBACK already past due. Starts the dispatch subgraph in this process (a fresh NATS namespace,
 * the scheduler's own interval off, time injected), then prints:
 *   - an idle scan: one tick while nothing is due (the steady-state cost of every SLA_SCAN_MS);
 *   - the firing: one tick that finds and fires every due clock (mark fired, escalate, write
 *     `sla.breached` and `workorder.escalated` to the outbox), as timers/s;
 *   - how long the outbox relay then took to put those events on JetStream;
 *   - memory: RSS and heap before and after, and the peak heap sampled every 20 ms.
 */
import 'reflect-metadata';
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { DISPATCH, DispatchAppModule, SlaScheduler } from '@pc/dispatch';
import { ManualClock } from '@pc/platform';
import { InProcessService, eventually } from '../harness';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} must be a positive integer`);
  return v;
}

const MB = 2 ** 20;
const mem = () => {
  const m = process.memoryUsage();
  return `rss ${(m.rss / MB).toFixed(0)} MB, heap ${(m.heapUsed / MB).toFixed(0)} MB`;
};

async function main(): Promise<void> {
  const count = arg('count', 100_000);
  const duePercent = arg('due-percent', 10);
  const batch = arg('batch', 500);
  const log = (msg: string) => process.stdout.write(`${msg}\n`);
  log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);

  const now = new Date('2026-11-20T02:00:00Z');
  const clock = new ManualClock(now);
  const svc = await InProcessService.create(
    { def: DISPATCH, module: (rt) => DispatchAppModule.forRoot(rt) },
    { clock, env: { LOG_LEVEL: 'warn', SLA_SCAN_MS: '0', SLA_BATCH_SIZE: String(batch) } },
  );
  try {
    let t0 = performance.now();
    const dueEvery = Math.round(100 / duePercent);
    // work order i: received (i % 50) minutes ago (nothing due); every dueEvery-th one 30 hours ago (PLAN and FEEDBACK past due)
    await svc.sql(
      `insert into work_order (id, org_id, site_id, complaint_id, customer_id, department, lead, status, severity, category, taken_by, received_at, created_at, next_due_at)
       select 'wo-' || i, 'bench-org', 'bench-site-' || (i % 20), 'c-' || i, 'cust-' || i, 'ENGINEERING', true, 'RECEIVED', 'MINOR', 'EQUIPMENT', 'fd',
              r, r, r + interval '1 hour'
       from (select i, $1::timestamptz - case when i % $2 = 0 then interval '30 hours' else (i % 50) * interval '1 minute' end as r
             from generate_series(1, $3) i) s`,
      [now, dueEvery, count],
    );
    await svc.sql(
      `insert into deadline (id, work_order_id, clock, due_at)
       select w.id || '-' || c.clock, w.id, c.clock, w.received_at + c.after
       from work_order w cross join (values ('PLAN', interval '1 hour'), ('FEEDBACK', interval '24 hours'), ('REPLY', interval '48 hours'), ('MAJOR_UPGRADE', interval '240 hours')) c(clock, after)`,
    );
    await svc.sql(`analyze`);
    const [{ n: deadlines }] = await svc.sql<{ n: string }>(`select count(*) n from deadline`);
    const [{ n: due }] = await svc.sql<{ n: string }>(`select count(*) n from deadline where due_at <= $1`, [now]);
    log(
      `seeded ${count} open work orders with ${deadlines} deadlines (${due} already due) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    // nothing due yet: the clock stands 31 hours before the seeded "now"
    clock.set(new Date(now.getTime() - 3_600_000 * 31));
    const { app } = await svc.start();
    const scheduler = app.get(SlaScheduler);
    await scheduler.tick();
    const idle: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      t0 = performance.now();
      const r = await scheduler.tick();
      idle.push(performance.now() - t0);
      if (r.total) throw new Error('something fired while nothing was due');
    }
    idle.sort((a, b) => a - b);
    log(`idle scan (nothing due, ${count} open): median ${idle[10].toFixed(1)} ms, max ${idle[19].toFixed(1)} ms over 20 ticks`);

    clock.set(now);
    global.gc?.();
    log(`before firing: ${mem()}`);
    let peak = process.memoryUsage().heapUsed;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
    t0 = performance.now();
    const result = await scheduler.tick();
    const firedMs = performance.now() - t0;
    clearInterval(sampler);
    log(
      `fired ${result.total} due timers in ${(firedMs / 1000).toFixed(2)} s (${Math.round(result.total / (firedMs / 1000))} timers/s, batches of ${batch})`,
    );
    log(`after firing: ${mem()}; peak heap while firing ${(peak / MB).toFixed(0)} MB`);

    const [{ n: fired }] = await svc.sql<{ n: string }>(`select count(*) n from deadline where fired_at is not null`);
    const [{ n: events }] = await svc.sql<{ n: string }>(`select count(*) n from outbox_event where subject = 'sla.breached'`);
    log(`check: ${fired} deadlines marked fired, ${events} sla.breached events written (expected ${due} each)`);

    t0 = performance.now();
    await eventually(
      async () => Number((await svc.sql<{ n: string }>(`select count(*) n from outbox_event where published_at is null`))[0].n) === 0,
      600_000,
      'the outbox to drain',
    );
    log(`outbox relay put every event on JetStream ${((performance.now() - t0) / 1000).toFixed(1)} s after the tick`);
  } finally {
    await svc.close();
  }
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
