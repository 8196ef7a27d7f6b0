import { MikroORM } from '@mikro-orm/core';
import { DEMO_DATASET, DEMO_USERS, INTAKE, IntakeAppModule, RelationshipScheduler, seedRegistry } from '@pc/intake';
import { ManualClock } from '@pc/platform';
import { InProcessService, postGraphql } from '../tools/harness';

/**
 * domain.md §7, one owners' committee meeting a month: intake's durable monthly clock per site.
 * Real: the intake subgraph (in this process, ManualClock), PostgreSQL, NATS JetStream. Mocked: nothing.
 */
const clock = new ManualClock('2026-11-10T02:00:00Z'); // 10:00 in Shanghai
let svc: InProcessService;
let app: Awaited<ReturnType<InProcessService['start']>>;
const rep = DEMO_USERS.find((u) => u.sub === 'demo-complaint-rep')!;
const gql = (q: string, v?: Record<string, unknown>) => postGraphql(app.url, svc.token(rep), q, v);
const overdue = async () =>
  (await svc.sql<{ body: string }>(`select body from outbox_event where subject = 'committee.meeting_overdue' order by seq`)).map(
    (r) => JSON.parse(r.body).payload,
  );
const tick = () => app.app.get(RelationshipScheduler).tick();

beforeAll(async () => {
  svc = await InProcessService.create({ def: INTAKE, module: (rt) => IntakeAppModule.forRoot(rt) }, { clock, env: { SLA_SCAN_MS: '0' } });
  app = await svc.start();
  const em = app.app.get(MikroORM).em.fork();
  await seedRegistry(em, DEMO_DATASET);
  await em.flush();
});

afterAll(async () => {
  await svc?.close();
});

it('rule "one meeting a month": a month that ends without one is announced overdue once; a month with one is not', async () => {
  const saved = await gql(`mutation($i: SaveCommitteeMemberInput!) { saveCommitteeMember(input: $i) { id } }`, {
    i: { siteId: 'demo-site-1', customerId: 'demo-customer-1', position: 'CHAIR', since: '2026-01-01' },
  });
  expect(saved.errors).toBeUndefined();
  expect(await svc.sql(`select site_id, month, due_at from committee_clock`)).toEqual([
    { site_id: 'demo-site-1', month: '2026-11', due_at: new Date('2026-11-30T16:00:00Z') },
  ]);
  // 23:59:59 on 30 November in Shanghai: the month is not over
  clock.set(new Date('2026-11-30T15:59:59Z'));
  await tick();
  expect(await overdue()).toEqual([]);
  clock.set(new Date('2026-11-30T16:00:00Z'));
  await tick();
  await tick();
  expect(await overdue()).toEqual([{ orgId: 'demo-org', siteId: 'demo-site-1', month: '2026-11', dueAt: '2026-11-30T16:00:00.000Z' }]);
  // December's meeting is held and recorded: the end of December announces nothing
  clock.set(new Date('2026-12-10T06:00:00Z'));
  const met = await gql(`mutation($i: RecordCommitteeMeetingInput!) { recordCommitteeMeeting(input: $i) { month } }`, {
    i: { siteId: 'demo-site-1', heldAt: '2026-12-10T05:00:00Z', attendeeIds: ['demo-customer-1'], minutes: 'Heating.' },
  });
  expect(met.data?.recordCommitteeMeeting).toEqual({ month: '2026-12' });
  clock.set(new Date('2027-01-05T00:00:00Z'));
  await tick();
  expect((await overdue()).map((p) => p.month)).toEqual(['2026-11']);
  expect(await svc.sql(`select month from committee_clock`)).toEqual([{ month: '2027-01' }]);
});
