import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_DATASET, DEMO_USERS } from '@pc/intake';
import { System, eventually } from '@pc/system';
import { committeeRules } from './relationship/committee';
import { planRules } from './relationship/plans';
import type { RelationshipWorld } from './relationship/world';
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
/** The rule files' view of this spec's system (e2e/relationship/*.ts). */
const world = {
  get system() {
    return system;
  },
  count: (table: string, where?: string) => count(table, where),
} as RelationshipWorld;
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
  admin = token('demo-admin');
  desk = token('demo-front-desk');
}, 180_000);

afterAll(async () => {
  await system?.close();
  await new Promise((r) => receiver?.close(r));
});

committeeRules(world);

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

planRules(world);
