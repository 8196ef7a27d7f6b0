import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import { DEMO_DATASET, DEMO_USERS } from '@pc/intake';
import { System, eventually } from '@pc/system';
import { handleToResolution, ok } from './work-order-steps';

/**
 * Issue 30, the relationship (domain.md §7): the owners' committee (members tagged, a meeting's points
 * tracked to their answers), notices to residents (an SMS provider and a site webhook of our own receive
 * them; the resident page shows them) and the case link sent by SMS when a case is filed. Real: every
 * subgraph process, the gateway, PostgreSQL, NATS JetStream, an HTTP SMS provider and a webhook receiver.
 * Mocked: nothing.
 */
let system: System;
let receiver: Server;
let base: string;
const sms: { phone: string; params: { title: string; link: string; count: number } }[] = [];
const hooks: { items: { title: string; body: string }[] }[] = [];
const token = (sub: string) => system.token(DEMO_USERS.find((u) => u.sub === sub)!);
const gql = (t: string, q: string, v?: Record<string, unknown>) => system.graphql(t, q, v);
const errorOf = (r: { errors?: any[] }) => r.errors?.[0]?.extensions;
const count = async (table: string, where = 'true') =>
  Number((await system.sql<{ n: string }>('intake', `select count(*) as n from ${table} where ${where}`))[0].n);
const HOUR = 3_600_000;
let rep: string;
let admin: string;
let desk: string;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (req.url === '/sms') sms.push(JSON.parse(body));
      if (req.url === '/hook') hooks.push(JSON.parse(body));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"code":0}');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  system = await System.start({ serviceEnv: { notify: { SMS_URL: `${base}/sms`, RESIDENT_QUIET_HOURS: 'none' } } });
  await system.seedRegistry(DEMO_DATASET);
  rep = token('demo-complaint-rep');
  admin = token('demo-admin');
  desk = token('demo-front-desk');
}, 180_000);

afterAll(async () => {
  await system?.close();
  await new Promise((r) => receiver?.close(r));
});

const MEETING = `id month attendeeIds minutes items { kind id raisedBy answered answeredAt }`;
const meet = (input: Record<string, unknown>) =>
  gql(rep, `mutation($i: RecordCommitteeMeetingInput!) { recordCommitteeMeeting(input: $i) { ${MEETING} } }`, {
    i: { siteId: 'demo-site-1', minutes: 'Parking, lifts, the garden.', ...input },
  });

describe("domain.md §7 the owners' committee", () => {
  it('rule: a member listed on the committee is a key customer (COMMITTEE_MEMBER, set by the list), and leaving takes the tag away', async () => {
    const member = await ok(
      gql(rep, `mutation($i: SaveCommitteeMemberInput!) { saveCommitteeMember(input: $i) { id position since leftOn } }`, {
        i: { siteId: 'demo-site-1', customerId: 'demo-customer-1', position: 'CHAIR', since: '2025-06-01' },
      }),
    );
    expect(member).toMatchObject({ position: 'CHAIR', since: '2025-06-01', leftOn: null });
    const tagged = async () =>
      (
        await ok(
          gql(rep, `{ keyCustomers(siteId: "demo-site-1", first: 10) { edges { node { customer { id } tags { reason taggedBy } } } } }`),
        )
      ).edges
        .filter((e: any) => e.node.customer.id === 'demo-customer-1')
        .flatMap((e: any) => e.node.tags);
    expect(await tagged()).toContainEqual({ reason: 'COMMITTEE_MEMBER', taggedBy: 'system' });
    // a customer of another site, a date in the future: refused, nothing stored
    const other = await gql(rep, `mutation($i: SaveCommitteeMemberInput!) { saveCommitteeMember(input: $i) { id } }`, {
      i: { siteId: 'demo-site-1', customerId: 'demo-customer-3', position: 'MEMBER', since: '2025-06-01' },
    });
    expect(errorOf(other)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'customerId' });
    const future = await gql(rep, `mutation($i: SaveCommitteeMemberInput!) { saveCommitteeMember(input: $i) { id } }`, {
      i: { siteId: 'demo-site-1', customerId: 'demo-customer-2', position: 'MEMBER', since: '2099-01-01' },
    });
    expect(errorOf(future)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'since' });
    expect(await count('committee_member')).toBe(1);
    // demo-customer-2 joins and leaves: the tag the list set goes with them
    const join = (leftOn?: string) =>
      ok(
        gql(rep, `mutation($i: SaveCommitteeMemberInput!) { saveCommitteeMember(input: $i) { leftOn } }`, {
          i: { siteId: 'demo-site-1', customerId: 'demo-customer-2', position: 'MEMBER', since: '2025-06-01', leftOn },
        }),
      );
    await join();
    expect(await count('key_customer_tag', `customer_id = 'demo-customer-2' and reason = 'COMMITTEE_MEMBER'`)).toBe(1);
    await join('2026-01-31');
    expect(await count('key_customer_tag', `customer_id = 'demo-customer-2' and reason = 'COMMITTEE_MEMBER'`)).toBe(0);
    // the site now has its monthly clock
    expect(await count('committee_clock', `site_id = 'demo-site-1'`)).toBe(1);
  });

  it('rule: a meeting needs a member present; every point raised becomes a case (channel OWNERS_COMMITTEE) tracked until it is answered', async () => {
    const heldAt = new Date(Date.now() - 2 * HOUR).toISOString();
    const empty = await meet({ heldAt, attendeeIds: [] });
    expect(errorOf(empty)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'attendeeIds' });
    // demo-customer-2 left the committee in January: not a member on the day
    const former = await meet({ heldAt, attendeeIds: ['demo-customer-2'] });
    expect(errorOf(former)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'attendeeIds.0' });
    const noCategory = await meet({ heldAt, attendeeIds: ['demo-customer-1'], items: [{ kind: 'COMPLAINT', description: 'Lifts stop.' }] });
    expect(errorOf(noCategory)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'items.0.category' });
    expect(await count('committee_meeting')).toBe(0);
    expect(await count('complaint', `channel = 'OWNERS_COMMITTEE'`)).toBe(0);

    const meeting = await ok(
      meet({
        heldAt,
        attendeeIds: ['demo-customer-1'],
        staffIds: ['demo-complaint-rep'],
        items: [
          { kind: 'COMPLAINT', category: 'EQUIPMENT', description: 'The lift of building 1 stops between floors.' },
          { kind: 'SUGGESTION', description: 'Plant trees along the east wall.' },
        ],
      }),
    );
    expect(meeting.items.map((i: any) => [i.kind, i.raisedBy, i.answered])).toEqual([
      ['COMPLAINT', 'demo-customer-1', false],
      ['SUGGESTION', 'demo-customer-1', false],
    ]);
    const [complaint, suggestion] = meeting.items;
    expect(await count('complaint', `id = '${complaint.id}' and channel = 'OWNERS_COMMITTEE' and customer_id = 'demo-customer-1'`)).toBe(1);
    expect(await count('inquiry', `id = '${suggestion.id}' and channel = 'OWNERS_COMMITTEE'`)).toBe(1);
    // the same meeting again is refused and files nothing more
    expect(errorOf(await meet({ heldAt, attendeeIds: ['demo-customer-1'] }))).toMatchObject({ code: 'CONFLICT', field: 'heldAt' });
    expect(await count('committee_meeting')).toBe(1);

    // the suggestion answered back to the committee: the meeting shows it answered
    await ok(
      gql(desk, `mutation($i: AnswerInquiryInput!) { answerInquiry(input: $i) { id } }`, {
        i: { inquiryId: suggestion.id, answer: 'Twelve trees in March.', via: 'OWNERS_COMMITTEE' },
      }),
    );
    const [listed] = await ok(gql(rep, `{ committeeMeetings(siteId: "demo-site-1") { ${MEETING} } }`));
    expect(listed.items.map((i: any) => [i.kind, i.answered])).toEqual([
      ['COMPLAINT', false],
      ['SUGGESTION', true],
    ]);
    expect(listed.items[1].answeredAt).not.toBeNull();
  });
});

describe('domain.md §7 notices to residents', () => {
  const publish = (t: string, input: Record<string, unknown>) =>
    gql(t, `mutation($i: PublishNoticeInput!) { publishNotice(input: $i) { id units sentTo channels audience { buildings } } }`, {
      i: { siteId: 'demo-site-1', kind: 'OUTAGE', title: 'Water off', body: 'Building 1, tomorrow 9:00-12:00.', ...input },
    });

  it('refuses an empty audience or one outside the site, storing and sending nothing', async () => {
    expect(errorOf(await publish(desk, { audience: {} }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'audience' });
    expect(errorOf(await publish(desk, { audience: { buildings: ['9号楼'] } }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'audience',
    });
    expect(errorOf(await publish(desk, { audience: { areaIds: ['demo-site-2-area-a'] } }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'audience.areaIds.0',
    });
    expect(errorOf(await publish(desk, { audience: { wholeSite: true }, channels: ['EMAIL'] }))).toMatchObject({ field: 'channels.0' });
    expect(await count('resident_notice')).toBe(0);
  });

  it("rule: a building's notice reaches its residents by SMS and the site's group webhook, shows on their resident page, and is kept with whom it went to", async () => {
    await ok(
      gql(admin, `mutation($i: SetNotificationChannelInput!) { setNotificationChannel(input: $i) { id } }`, {
        i: { siteId: 'demo-site-1', channel: 'WEBHOOK', target: `${base}/hook`, kinds: ['RESIDENT_MESSAGE'] },
      }),
    );
    // a case of the same resident filed at the same moment: its link's SMS and the notice's are due together, and go as two
    const together = await ok(
      gql(desk, `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id } }`, {
        i: {
          siteId: 'demo-site-1',
          customerId: 'demo-customer-1',
          channel: 'PHONE',
          category: 'HYGIENE',
          description: 'Stairs not swept.',
        },
      }),
    );
    const notice = await ok(publish(desk, { audience: { buildings: ['1号楼'] }, channels: ['SMS', 'WEBHOOK'] }));
    // 1号楼 holds unit 101 (demo-customer-1); demo-customer-2 lives in 5号楼
    expect(notice).toMatchObject({
      units: 1,
      sentTo: ['demo-customer-1'],
      channels: ['SMS', 'WEBHOOK'],
      audience: { buildings: ['1号楼'] },
    });
    await eventually(() => Promise.resolve(sms.some((m) => m.params.title.includes('Water off'))), 30_000, 'the SMS of the notice').catch(
      async (e: Error) => {
        // what notify holds of it, to tell a slow bus from a stuck delivery
        const rows = await system.sql(
          'notify',
          `select n.source_key, d.channel, d.status, d.attempts, d.last_error, d.next_attempt_at from delivery d join notification n on n.id = d.notification_id where n.kind = 'RESIDENT_MESSAGE'`,
        );
        const outbox = await system.sql(
          'intake',
          `select subject, published_at from outbox_event where subject = 'resident.message_requested'`,
        );
        throw new Error(
          `${e.message}\nnotify: ${JSON.stringify(rows)}\nintake outbox: ${JSON.stringify(outbox)}\nsms: ${JSON.stringify(sms)}`,
        );
      },
    );
    await eventually(
      () => Promise.resolve(hooks.some((h) => h.items.some((i) => i.title.includes('Water off')))),
      30_000,
      'the webhook post',
    );
    expect(sms.filter((m) => m.params.title.includes('Water off')).map((m) => m.phone)).toEqual(['13800000001']);
    const togetherRef = together.id.replace(/-/g, '').slice(-8).toUpperCase();
    await eventually(() => Promise.resolve(sms.some((m) => m.params.title.includes(togetherRef))), 30_000, "the case link's own SMS");
    expect(sms.every((m) => m.params.count === 1)).toBe(true);
    expect(hooks.filter((h) => h.items.some((i) => i.title.includes('Water off')))).toHaveLength(1);
    const listed = await ok(gql(desk, `{ notices(siteId: "demo-site-1") { edges { node { id title sentTo } } } }`));
    expect(listed.edges.map((e: any) => e.node.id)).toEqual([notice.id]);
    // what was sent to whom and when is kept by notify too
    const kept = await system.sql<{ recipient_id: string; status: string }>(
      'notify',
      `select n.recipient_id, d.status from notification n join delivery d on d.notification_id = n.id where n.source_key like 'notice:${notice.id}:%' order by n.recipient_id`,
    );
    expect(kept).toEqual([
      { recipient_id: 'customer:demo-customer-1', status: 'SENT' },
      { recipient_id: 'residents:demo-site-1', status: 'SENT' },
    ]);
  });

  it("rule: the case's resident link goes by SMS to its customer when the case is filed (not for an old record entered now), and the page shows their building's notices", async () => {
    const old = await ok(
      gql(desk, `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id } }`, {
        i: {
          siteId: 'demo-site-1',
          customerId: 'demo-customer-1',
          channel: 'LETTER',
          category: 'NOISE',
          description: 'A letter of last week, entered today.',
          receivedAt: new Date(Date.now() - 3 * 24 * HOUR).toISOString(),
        },
      }),
    );
    const filed = await ok(
      gql(desk, `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id } }`, {
        i: {
          siteId: 'demo-site-1',
          customerId: 'demo-customer-1',
          unitId: 'demo-site-1-unit-101',
          channel: 'PHONE',
          category: 'EQUIPMENT',
          description: 'The lobby door does not close.',
        },
      }),
    );
    const ref = filed.id.replace(/-/g, '').slice(-8).toUpperCase();
    const text = await eventually(
      () => Promise.resolve(sms.find((m) => m.params.title.includes(ref))),
      30_000,
      'the SMS with the case link',
    );
    expect(text.phone).toBe('13800000001');
    // the old letter, filed before the new case, was not texted
    const oldRef = old.id.replace(/-/g, '').slice(-8).toUpperCase();
    expect(sms.filter((m) => m.params.title.includes(oldRef))).toEqual([]);
    const linkToken = /\/r\/([^/?#]+)$/.exec(text.params.link)?.[1];
    expect(linkToken).toBeDefined();
    const page = await system.graphql(null, `query($t: String!) { residentCase(token: $t) { reference notices { kind title } } }`, {
      t: linkToken,
    });
    expect(page.errors).toBeUndefined();
    expect(page.data.residentCase).toEqual({ reference: ref, notices: [{ kind: 'OUTAGE', title: 'Water off' }] });
    // resolved by the department: the same link goes again, asking to confirm and rate
    const woId = await eventually(
      async () =>
        (await gql(desk, `query($id: ID!) { complaint(id: $id) { workOrders { id } } }`, { id: filed.id })).data?.complaint.workOrders[0]
          ?.id,
      30_000,
      'the work order',
    );
    await handleToResolution({ gql, staff: token('demo-department-staff'), head: token('demo-department-head') }, woId);
    const resolvedText = await eventually(
      () => Promise.resolve(sms.find((m) => m.params.title.includes(ref) && m.params.title.includes('resolved'))),
      30_000,
      'the SMS of the resolution',
    );
    expect(resolvedText.params.link).toBe(text.params.link);
    // demo-customer-2's case (5号楼): the building-1 notice is not theirs
    const other = await ok(
      gql(desk, `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id } }`, {
        i: { siteId: 'demo-site-1', customerId: 'demo-customer-2', channel: 'PHONE', category: 'NOISE', description: 'Music at night.' },
      }),
    );
    const otherLink = await ok(gql(desk, `query($c: ID!) { residentLink(complaintId: $c) }`, { c: other.id }));
    const otherPage = await system.graphql(null, `query($t: String!) { residentCase(token: $t) { notices { title } } }`, {
      t: otherLink.split('/r/')[1],
    });
    expect(otherPage.data.residentCase.notices).toEqual([]);
  });
});

describe('domain.md §7 relationship plans', () => {
  it('rule: a yearly and a monthly plan with goals, activities and money, read and exported (xlsx, csv) with what was done against them', async () => {
    const save = (input: Record<string, unknown>) =>
      gql(
        rep,
        `mutation($i: SaveRelationshipPlanInput!) { saveRelationshipPlan(input: $i) { id period summary { activitiesDone spentYuan } } }`,
        {
          i: { siteId: 'demo-site-1', goals: ['Satisfaction ≥ 90 %'], budgetYuan: 50000, activities: [], ...input },
        },
      );
    const activity = (over: Record<string, unknown>) => ({
      title: 'Summer fair',
      kind: 'EVENT',
      plannedOn: '2026-07-18',
      budgetYuan: 12000,
      ...over,
    });
    // an activity outside the plan's period is refused, nothing stored
    expect(errorOf(await save({ period: '2026-06', activities: [activity({})] }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'activities.0.plannedOn',
    });
    expect(await count('relationship_plan')).toBe(0);
    await ok(
      save({
        period: '2026',
        activities: [
          activity({ done: true, spentYuan: 13500, signedUp: 210, attended: 180 }),
          activity({ title: 'New year party', plannedOn: '2026-12-30', budgetYuan: 20000 }),
        ],
      }),
    );
    await ok(save({ period: '2026-07', budgetYuan: 15000, activities: [activity({ done: true, spentYuan: 13500 })] }));
    // saved again: replaced, not doubled
    await ok(save({ period: '2026-07', budgetYuan: 16000, activities: [activity({ done: true, spentYuan: 13500 })] }));
    const plans = await ok(
      gql(
        rep,
        `{ relationshipPlans(siteId: "demo-site-1", year: 2026) { period budgetYuan summary { activitiesPlanned activitiesDone budgetYuan activityBudgetYuan spentYuan signedUp attended } } }`,
      ),
    );
    expect(plans).toEqual([
      {
        period: '2026',
        budgetYuan: 50000,
        summary: {
          activitiesPlanned: 2,
          activitiesDone: 1,
          budgetYuan: 50000,
          activityBudgetYuan: 32000,
          spentYuan: 13500,
          signedUp: 210,
          attended: 180,
        },
      },
      {
        period: '2026-07',
        budgetYuan: 16000,
        summary: {
          activitiesPlanned: 1,
          activitiesDone: 1,
          budgetYuan: 16000,
          activityBudgetYuan: 12000,
          spentYuan: 13500,
          signedUp: 0,
          attended: 0,
        },
      },
    ]);
    const origin = system.gatewayUrl.replace(/\/graphql$/, '');
    const get = (path: string, t: string | null = rep) => fetch(`${origin}${path}`, { headers: t ? { authorization: `Bearer ${t}` } : {} });
    const xlsx = await get('/exports/relationship-plans.xlsx?siteId=demo-site-1&year=2026&lang=en');
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const rows = (name: string) => {
      const out: unknown[][] = [];
      book.getWorksheet(name)!.eachRow((r) => out.push((r.values as unknown[]).slice(1)));
      return out;
    };
    expect(rows('Plans against what was done')).toEqual([
      [
        'Period',
        'Goals',
        'Budget (yuan)',
        'Activities budgeted (yuan)',
        'Spent (yuan)',
        'Activities planned',
        'Activities done',
        'Signed up',
        'Attended',
      ],
      ['2026', 'Satisfaction ≥ 90 %', 50000, 32000, 13500, 2, 1, 210, 180],
      ['2026-07', 'Satisfaction ≥ 90 %', 16000, 12000, 13500, 1, 1, 0, 0],
    ]);
    expect(rows('Activities')).toHaveLength(4);
    const csv = await (await get('/exports/relationship-plans.csv?siteId=demo-site-1&year=2026&lang=zh')).text();
    expect(csv).toContain('计划执行情况');
    expect(csv).toContain('New year party');
    // scoped like the query: another site's head gets nothing of it; no token, no file
    const intruder = system.token({ sub: 'other-head', org: 'demo-org', sites: ['demo-site-2'], roles: ['SITE_HEAD'] as never });
    expect((await get('/exports/relationship-plans.xlsx?siteId=demo-site-1&year=2026', intruder)).status).toBe(403);
    expect((await get('/exports/relationship-plans.xlsx?siteId=demo-site-1&year=2026', null)).status).toBe(401);
    expect((await get('/exports/relationship-plans.csv?siteId=demo-site-1&year=20x6')).status).toBe(400);
  });
});
