import { DEMO_DATASET, DEMO_USERS } from '@pc/intake';
import { System, eventually } from '@pc/system';
import { claimRules } from './customers/claims';
import { visitRules } from './customers/visits';
import type { CustomersWorld } from './customers/world';
import { ok } from './work-order-steps';

/**
 * Issue 30, customers (domain.md §7): the customer file across intake and callback, its opening log,
 * units held, key customers (by hand and by rule A), claims. Real: every subgraph process, the
 * gateway, PostgreSQL and NATS JetStream. Mocked: nothing.
 */
let system: System;
/** The rule files' view of this spec's system (e2e/customers/*.ts). */
const world = {
  get system() {
    return system;
  },
  count: (table: string, where?: string) => count(table, where),
} as CustomersWorld;
const token = (sub: string) => system.token(DEMO_USERS.find((u) => u.sub === sub)!);
const gql = (t: string, q: string, v?: Record<string, unknown>) => system.graphql(t, q, v);
const errorOf = (r: { errors?: any[] }) => r.errors?.[0]?.extensions;
const DAY = 86_400_000;
let desk: string;
let siteHead: string;
let quality: string;

const FILE = `customerId customer { id name } units { unitId unitName role movedInOn movedOutOn }
  complaints { id receivedAt keyCustomer } serviceRequests { id receivedAt } claims { id amountClaimedYuan decision }
  callbacks { id caseId } surveys { surveyId kind answers { text satisfaction comment } }
  keyCustomer { reasons tags { reason note taggedBy } } retention { holdsUnit keptUntil } caseIds`;
const fileOf = (t: string, customerId: string) => gql(t, `query($c: ID!) { customerFile(customerId: $c) { ${FILE} } }`, { c: customerId });
const file = (input: Record<string, unknown>, t = desk) =>
  ok(
    gql(t, `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id keyCustomer repeatOf receivedAt } }`, {
      i: { siteId: 'demo-site-1', channel: 'PHONE', category: 'NOISE', description: 'Drilling at night.', ...input },
    }),
  );
const count = async (table: string, where = 'true') =>
  Number((await system.sql<{ n: string }>('intake', `select count(*) as n from ${table} where ${where}`))[0].n);

beforeAll(async () => {
  system = await System.start();
  await system.seedRegistry(DEMO_DATASET);
  desk = token('demo-front-desk');
  siteHead = token('demo-site-head');
  quality = token('demo-quality');
}, 180_000);

afterAll(async () => {
  await system?.close();
});

describe('domain.md §7 the customer file', () => {
  it('holds the units, every complaint, service, claim, callback and survey answer of the customer, newest first, across services', async () => {
    await ok(
      gql(desk, `mutation($i: RecordUnitHoldingInput!) { recordUnitHolding(input: $i) { id } }`, {
        i: { customerId: 'demo-customer-2', unitId: 'demo-site-1-unit-502', role: 'TENANT', movedInOn: '2025-03-01' },
      }),
    );
    const older = await file({
      customerId: 'demo-customer-2',
      unitId: 'demo-site-1-unit-502',
      receivedAt: new Date(Date.now() - 3 * DAY).toISOString(),
    });
    // answered on the spot: its callback is owed at once (domain.md §4)
    const onTheSpot = await file({
      customerId: 'demo-customer-2',
      unitId: 'demo-site-1-unit-502',
      category: 'HYGIENE',
      description: 'Corridor not swept.',
      resolution: 'Swept while the customer waited.',
    });
    const service = await ok(
      gql(desk, `mutation($i: RequestServiceInput!) { requestService(input: $i) { id } }`, {
        i: { kind: 'REPAIR', siteId: 'demo-site-1', customerId: 'demo-customer-2', channel: 'WECHAT', description: 'Tap leaks.' },
      }),
    );
    const claim = await ok(
      gql(desk, `mutation($i: RecordClaimInput!) { recordClaim(input: $i) { id } }`, {
        i: { customerId: 'demo-customer-2', complaintId: older.id, description: 'Ceiling stained by the leak.', amountClaimedYuan: 800 },
      }),
    );
    const admin = token('demo-admin');
    const survey = await ok(
      gql(admin, `mutation($i: CreateSurveyInput!) { createSurvey(input: $i) { id } }`, {
        i: { siteId: 'demo-site-1', kind: 'MONTHLY_VISIT', period: '2026-11', questions: ['How is the cleaning?'] },
      }),
    );
    await ok(
      gql(admin, `mutation($i: RecordSurveyResponseInput!) { recordSurveyResponse(input: $i) { id } }`, {
        i: {
          surveyId: survey.id,
          customerId: 'demo-customer-2',
          answers: [{ question: 0, satisfaction: 'SATISFIED', comment: 'Better.' }],
        },
      }),
    );
    const f = await eventually(
      async () => {
        const r = await ok(fileOf(desk, 'demo-customer-2'));
        return r.callbacks.length > 0 ? r : undefined;
      },
      30_000,
      'the callback of the complaint answered on the spot',
    );
    expect(f.customer).toEqual({ id: 'demo-customer-2', name: '张敏' });
    expect(f.units).toEqual([
      { unitId: 'demo-site-1-unit-502', unitName: '5号楼502室', role: 'TENANT', movedInOn: '2025-03-01', movedOutOn: null },
    ]);
    expect(f.complaints.map((c: { id: string }) => c.id)).toEqual([onTheSpot.id, older.id]);
    expect(f.serviceRequests.map((s: { id: string }) => s.id)).toEqual([service.id]);
    expect(f.claims).toEqual([{ id: claim.id, amountClaimedYuan: 800, decision: null }]);
    expect(f.callbacks.map((c: { caseId: string }) => c.caseId)).toEqual([onTheSpot.id]);
    expect(f.surveys).toEqual([
      {
        surveyId: survey.id,
        kind: 'MONTHLY_VISIT',
        answers: [{ text: 'How is the cleaning?', satisfaction: 'SATISFIED', comment: 'Better.' }],
      },
    ]);
    expect(f.retention).toEqual({ holdsUnit: true, keptUntil: null });
    expect(new Set(f.caseIds)).toEqual(new Set([onTheSpot.id, older.id, service.id]));
    // the newest one of each list, with the totals: a long file opens fast on a phone
    const first = await ok(
      gql(
        desk,
        `query($c: ID!) { customerFile(customerId: $c, newest: 1) { complaints { id } callbacks { caseId } surveys(newest: 1) { surveyId }
          totals { complaints serviceRequests claims visits } newest } }`,
        { c: 'demo-customer-2' },
      ),
    );
    expect(first).toEqual({
      complaints: [{ id: onTheSpot.id }],
      callbacks: [{ caseId: onTheSpot.id }],
      surveys: [{ surveyId: survey.id }],
      totals: { complaints: 2, serviceRequests: 1, claims: 1, visits: 0 },
      newest: 1,
    });
    expect(errorOf(await gql(desk, `{ customerFile(customerId: "demo-customer-2", newest: 0) { newest } }`))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'newest',
    });
  });

  it('logs who opened a file and when, and shows the log to ADMIN and QUALITY only', async () => {
    const before = await count('customer_file_opening', `customer_id = 'demo-customer-1'`);
    await ok(fileOf(desk, 'demo-customer-1'));
    expect(await count('customer_file_opening', `customer_id = 'demo-customer-1'`)).toBe(before + 1);
    const log = await ok(gql(quality, `{ customerFileOpenings(customerId: "demo-customer-1") { customerId siteId openedBy openedAt } }`));
    expect(log[0]).toMatchObject({ customerId: 'demo-customer-1', siteId: 'demo-site-1', openedBy: 'demo-front-desk' });
    expect(Date.now() - new Date(log[0].openedAt).getTime()).toBeLessThan(60_000);
    expect((await ok(gql(token('demo-admin'), `{ customerFileOpenings { openedBy } }`))).length).toBeGreaterThan(0);
    expect(errorOf(await gql(desk, `{ customerFileOpenings { openedBy } }`))?.code).toBe('FORBIDDEN');
  });

  it("answers null for a customer outside the caller's sites, and logs no opening", async () => {
    const before = await count('customer_file_opening', `customer_id = 'demo-customer-3'`);
    // the site head is granted demo-site-1 only; customer 3 lives at demo-site-2
    const r = await fileOf(siteHead, 'demo-customer-3');
    expect(r.errors).toBeUndefined();
    expect(r.data?.customerFile).toBeNull();
    expect(await count('customer_file_opening', `customer_id = 'demo-customer-3'`)).toBe(before);
  });

  it('refuses a unit of another site and a move-in date in the future, and stores nothing', async () => {
    const before = await count('unit_holding');
    const hold = (i: Record<string, unknown>) =>
      gql(desk, `mutation($i: RecordUnitHoldingInput!) { recordUnitHolding(input: $i) { id } }`, {
        i: { customerId: 'demo-customer-1', unitId: 'demo-site-1-unit-101', role: 'OWNER', movedInOn: '2020-05-01', ...i },
      });
    expect(errorOf(await hold({ unitId: 'demo-site-2-unit-1201' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unitId' });
    const tomorrow = new Date(Date.now() + 2 * DAY).toISOString().slice(0, 10);
    expect(errorOf(await hold({ movedInOn: tomorrow }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'movedInOn' });
    expect(errorOf(await hold({ movedInOn: '2020-05-01', movedOutOn: '2019-01-01' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'movedOutOn',
    });
    expect(errorOf(await hold({ customerId: 'demo-customer-3' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unitId' });
    expect(await count('unit_holding')).toBe(before);
    // moving out: the same holding, then kept two years after
    await ok(hold({ movedOutOn: '2024-06-30' }));
    await ok(hold({ movedOutOn: '2024-06-30' }));
    expect(await count('unit_holding')).toBe(before + 1);
    expect((await ok(fileOf(desk, 'demo-customer-1'))).retention).toEqual({ holdsUnit: false, keptUntil: '2026-06-30' });
  });
});

describe('domain.md §7 key customers', () => {
  it('rule A makes a repeat complainant a key customer by itself; the repeat is flagged at intake and in the queue', async () => {
    const customer = await ok(
      gql(desk, `mutation($i: SaveCustomerInput!) { saveCustomer(input: $i) { id } }`, {
        i: { name: '王芳', phone: '13900000077', kind: 'OWNER', unitId: 'demo-site-1-unit-101' },
      }),
    );
    // EQUIPMENT goes to engineering, whose head reads the queue below
    const first = await file({
      customerId: customer.id,
      unitId: 'demo-site-1-unit-101',
      category: 'EQUIPMENT',
      description: 'Lift stops between floors.',
    });
    expect(first.keyCustomer).toBe(false);
    const again = await file({
      customerId: customer.id,
      unitId: 'demo-site-1-unit-101',
      category: 'EQUIPMENT',
      description: 'The lift stopped again.',
    });
    expect(again).toMatchObject({ repeatOf: first.id, keyCustomer: true });
    const f = await ok(fileOf(desk, customer.id));
    expect(f.keyCustomer).toEqual({
      reasons: ['REPEAT_COMPLAINANT'],
      tags: [{ reason: 'REPEAT_COMPLAINANT', note: `rule A: complaint ${again.id} repeats ${first.id}`, taggedBy: 'system' }],
    });
    // the queue: the repeat's work order carries the flag, the first's does not
    const queue = async () =>
      (
        await ok(
          gql(
            token('demo-department-head'),
            `{ workOrders(siteId: "demo-site-1", first: 100) { edges { node { complaintId keyCustomer } } } }`,
          ),
        )
      ).edges.map((e: { node: unknown }) => e.node);
    const flags = await eventually(
      async () => {
        const nodes = (await queue()).filter((n: { complaintId: string }) => [first.id, again.id].includes(n.complaintId));
        return nodes.length >= 2 ? nodes : undefined;
      },
      30_000,
      'both work orders in the queue',
    );
    expect(flags.find((n: { complaintId: string }) => n.complaintId === again.id).keyCustomer).toBe(true);
    expect(flags.find((n: { complaintId: string }) => n.complaintId === first.id).keyCustomer).toBe(false);
    // a third filing keeps the one tag
    await file({ customerId: customer.id, unitId: 'demo-site-1-unit-101', category: 'PARKING', description: 'Car park lights out.' });
    expect(await count('key_customer_tag', `customer_id = '${customer.id}'`)).toBe(1);
  });

  it('is tagged by staff with a reason and a note, listed per site, untagged; the desk may not tag', async () => {
    const tag = (t: string, reason: string, note?: string) =>
      gql(t, `mutation($i: TagKeyCustomerInput!) { tagKeyCustomer(input: $i) { reason note taggedBy } }`, {
        i: { customerId: 'demo-customer-2', reason, note },
      });
    expect(errorOf(await tag(desk, 'IMPORTANT_OWNER'))?.code).toBe('FORBIDDEN');
    expect(await ok(tag(siteHead, 'IMPORTANT_OWNER', 'Chairs the residents’ garden club.'))).toEqual([
      { reason: 'IMPORTANT_OWNER', note: 'Chairs the residents’ garden club.', taggedBy: 'demo-site-head' },
    ]);
    await ok(tag(siteHead, 'LONG_UNPAID', 'Fees unpaid since June.'));
    const listed = await ok(gql(desk, `{ keyCustomers(siteId: "demo-site-1") { edges { node { customer { id } reasons } } } }`));
    expect(listed.edges.map((e: { node: unknown }) => e.node)).toContainEqual({
      customer: { id: 'demo-customer-2' },
      reasons: ['IMPORTANT_OWNER', 'LONG_UNPAID'],
    });
    // a site not granted: the site head of demo-site-1 asks for demo-site-2
    expect(errorOf(await gql(siteHead, `{ keyCustomers(siteId: "demo-site-2") { edges { cursor } } }`))?.code).toBe('FORBIDDEN');
    const left = await ok(
      gql(siteHead, `mutation($i: UntagKeyCustomerInput!) { untagKeyCustomer(input: $i) { reason } }`, {
        i: { customerId: 'demo-customer-2', reason: 'LONG_UNPAID' },
      }),
    );
    expect(left).toEqual([{ reason: 'IMPORTANT_OWNER' }]);
    // the next complaint of a key customer is flagged at filing
    expect((await file({ customerId: 'demo-customer-2', category: 'GREENERY', description: 'Hedge overgrown.' })).keyCustomer).toBe(true);
  });
});

claimRules(world);

describe('finding a customer', () => {
  it('searches by part of a name, a phone or a unit, within the caller’s sites', async () => {
    const search = (t: string, s: string) => gql(t, `query($s: String) { customers(search: $s) { id } }`, { s });
    const ids = async (t: string, s: string) => (await ok(search(t, s))).map((c: { id: string }) => c.id).sort();
    expect(await ids(desk, '5号楼502')).toEqual(['demo-customer-2']);
    expect(await ids(desk, '张敏')).toEqual(['demo-customer-2']);
    expect(await ids(desk, '1380000000')).toEqual(['demo-customer-1', 'demo-customer-2', 'demo-customer-3']);
    expect(await ids(desk, 'chen')).toEqual(['demo-customer-3']);
    // the site head sees only demo-site-1's
    expect(await ids(siteHead, '1380000000')).toEqual(['demo-customer-1', 'demo-customer-2']);
    expect(errorOf(await search(desk, 'x'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'search' });
  });
});

visitRules(world);
