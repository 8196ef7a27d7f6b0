import { randomUUID } from 'node:crypto';
import { Category, Channel, ComplaintFiled, Department, Severity } from '@pc/contracts';
import { DISPATCH, DispatchAppModule, SlaScheduler } from '@pc/dispatch';
import { ManualClock } from '@pc/platform';
import { InProcessService, eventually } from '../tools/harness';

/**
 * Durable timers (domain.md §3 deadlines, issue #4): two dispatch replicas in this process on one
 * PostgreSQL database, both scheduling every 20 ms in small batches (so their claims interleave),
 * one restarted mid-way. Real: PostgreSQL, NATS JetStream. The clock is a shared ManualClock.
 */
const H = 3_600_000;
const COMPLAINTS = 40;
let svc: InProcessService;
const clock = new ManualClock('2026-11-02T01:00:00Z');

beforeAll(async () => {
  svc = await InProcessService.create(
    { def: DISPATCH, module: (rt) => DispatchAppModule.forRoot(rt) },
    { clock, env: { SLA_SCAN_MS: '20', SLA_BATCH_SIZE: '7' } },
  );
});

afterAll(async () => {
  await svc?.close();
});

interface Row {
  id: string;
  clock: string;
  due_at: Date;
  fired_at: Date | null;
  breached_at: Date | null;
}

it('fires each due deadline exactly once across two replicas and a restart, never before it is due', async () => {
  let a = await svc.start();
  let b = await svc.start();
  for (let i = 0; i < COMPLAINTS; i += 1) {
    await svc.publish(ComplaintFiled, {
      orgId: 'org-t',
      siteId: 'site-t',
      complaintId: randomUUID(),
      customerId: 'c',
      channel: Channel.PHONE,
      category: Category.EQUIPMENT,
      severity: i % 4 === 0 ? Severity.MAJOR : Severity.MINOR,
      circumstances: [],
      serious: false,
      urgent: false,
      departments: i % 2 ? [Department.ENGINEERING] : [Department.ENGINEERING, Department.SECURITY],
      receivedAt: clock.now().toISOString(),
      receivedBy: 'fd',
      replyDueAt: new Date(clock.now().getTime() + 2 * H).toISOString(),
      timeZone: 'Asia/Shanghai',
    });
  }
  const deadlines = await eventually(
    async () => {
      const wo = await svc.sql<{ n: string }>(`select count(*) n from work_order`);
      return Number(wo[0].n) === COMPLAINTS * 1.5
        ? svc.sql<Row>(`select id, clock, due_at, fired_at, breached_at from deadline`)
        : undefined;
    },
    30_000,
    'the work orders',
  );
  expect(deadlines.length).toBeGreaterThan(100);

  // walk time across every due time, stopping 1 ms before and at each one; restart replica b half-way
  const dueTimes = [...new Set(deadlines.map((d) => d.due_at.getTime()))].sort((x, y) => x - y);
  for (const [i, due] of dueTimes.entries()) {
    clock.set(new Date(due - 1));
    await Promise.all([a.app.get(SlaScheduler).tick(), b.app.get(SlaScheduler).tick()]);
    const early = await svc.sql<Row>(`select id from deadline where fired_at is not null and due_at > $1`, [clock.now()]);
    expect(early).toEqual([]); // never before its due time
    clock.set(new Date(due));
    await Promise.all([a.app.get(SlaScheduler).tick(), b.app.get(SlaScheduler).tick(), new Promise((r) => setTimeout(r, 30))]);
    if (i === Math.floor(dueTimes.length / 2)) {
      await svc.stop(b.app);
      b = await svc.start();
    }
    if (i === Math.floor(dueTimes.length / 2) + 1) {
      await svc.stop(a.app); // and the other one, while its interval may be mid-tick
      a = await svc.start();
    }
  }
  await Promise.all([a.app.get(SlaScheduler).tick(), b.app.get(SlaScheduler).tick()]);

  const after = await svc.sql<Row>(`select id, clock, due_at, fired_at, breached_at from deadline`);
  expect(after.filter((d) => !d.fired_at)).toEqual([]); // nothing was met, so every clock fired
  for (const d of after) {
    expect(d.fired_at!.getTime()).toBeGreaterThanOrEqual(d.due_at.getTime());
    expect(d.breached_at!.getTime()).toBe(d.due_at.getTime());
  }
  const events = (await svc.sql<{ body: string }>(`select body from outbox_event where subject = 'sla.breached'`)).map(
    (r) => JSON.parse(r.body).payload,
  );
  const keys = events.map((p) => `${p.workOrderId}/${p.clock}`);
  expect(new Set(keys).size).toBe(keys.length); // no deadline published twice
  expect(keys.length).toBe(after.length); // and none missing
});
