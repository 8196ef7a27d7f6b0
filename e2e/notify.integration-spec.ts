import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import type { ParsedMail } from 'mailparser';
import {
  Category,
  Channel,
  CommitteeMeetingOverdue,
  SurveyFollowUpOverdue,
  ComplaintFiled,
  Department,
  EscalationLevel,
  Role,
  Severity,
  SlaBreached,
  SlaClock,
  StaffSaved,
  WorkOrderRecorded,
  WorkOrderStatus,
  WorkOrderStep,
} from '@pc/contracts';
import { DeliveryWorker, NOTIFY, NotifyAppModule, NotifyScheduler, dingTalkSign, feishuSign } from '@pc/notify';
import { ManualClock, type AuthUser } from '@pc/platform';
import { InProcessService, eventually, postGraphql } from '../tools/harness';
import { startSmtpReceiver, type SmtpReceiver } from '../tools/smtp-receiver';

/**
 * domain.md §6, who is told. Real: the notify subgraph (in this process, ManualClock), PostgreSQL,
 * NATS JetStream, an SMTP server (smtp-server, mails parsed with mailparser) and an HTTP receiver
 * that checks DingTalk's and Feishu's signatures. Mocked: nothing.
 */
const ORG = 'notify-org';
const SITE = 'notify-site';
const u = (sub: string, roles: Role[], department?: Department): AuthUser => ({ sub, org: ORG, sites: [SITE], roles, department });
const USERS = {
  am: u('n-area-manager', [Role.AREA_MANAGER]),
  head: u('n-site-head', [Role.SITE_HEAD]),
  director: u('n-director', [Role.COMPLAINT_REP]),
  lead: u('n-leadership', [Role.LEADERSHIP], Department.LEADERSHIP),
  engHead: u('n-eng-head', [Role.DEPARTMENT_HEAD], Department.ENGINEERING),
  admin: u('n-admin', [Role.ADMIN]),
};
const clock = new ManualClock('2026-12-07T02:00:00Z'); // 10:00 in Shanghai: the day shift
let svc: InProcessService;
let app: INestApplication;
let url: string;
let base: string;
const tokens = {} as Record<keyof typeof USERS, string>;
const mails: ParsedMail[] = [];
let smtp: SmtpReceiver;
const posts: { path: string; body: any; verified: boolean }[] = [];
let robots: Server;
let robotBase: string;
const SECRET = 'SEC-robot-secret-0123456789';

const gql = (token: string, query: string, variables?: Record<string, unknown>) => postGraphql(url, token, query, variables);
const ok = async (p: Promise<{ data?: any; errors?: any[] }>) => {
  const r = await p;
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return Object.values(r.data as object)[0];
};
const mine = async (who: keyof typeof USERS) =>
  (
    await ok(
      gql(
        tokens[who],
        `{ myNotifications(first: 10) { edges { node { id kind title ackRequired ackDueAt acknowledgedAt deliveries { channel status } } } } }`,
      ),
    )
  ).edges.map((e: any) => e.node);
const advance = (minutes: number) => clock.set(new Date(clock.now().getTime() + minutes * 60_000));

function filed(complaintId: string, over: Partial<Record<string, unknown>> = {}) {
  return {
    orgId: ORG,
    siteId: SITE,
    complaintId,
    areaManagerId: USERS.am.sub,
    customerId: 'cust-1',
    channel: Channel.PHONE,
    category: Category.EQUIPMENT,
    severity: Severity.MAJOR,
    circumstances: [],
    serious: true,
    urgent: false,
    departments: [Department.ENGINEERING],
    receivedAt: clock.now().toISOString(),
    receivedBy: 'desk-1',
    replyDueAt: new Date(clock.now().getTime() + 7_200_000).toISOString(),
    timeZone: 'Asia/Shanghai',
    ...over,
  };
}

beforeAll(async () => {
  smtp = await startSmtpReceiver((m) => mails.push(m));
  robots = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const body = JSON.parse(raw);
      const q = new URL(req.url!, 'http://x');
      let verified = false;
      if (q.pathname === '/ding') {
        const ts = Number(q.searchParams.get('timestamp'));
        verified = encodeURIComponent(q.searchParams.get('sign')!) === dingTalkSign(ts, SECRET) && body.msgtype === 'markdown';
      } else if (q.pathname === '/feishu') {
        verified = body.sign === feishuSign(Number(body.timestamp), SECRET) && body.msg_type === 'text';
      }
      posts.push({ path: q.pathname, body, verified });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(verified ? { errcode: 0, code: 0 } : { errcode: 310000, code: 19021, errmsg: 'sign not match' }));
    });
  });
  await new Promise<void>((r) => robots.listen(0, '127.0.0.1', r));
  robotBase = `http://127.0.0.1:${(robots.address() as AddressInfo).port}`;

  svc = await InProcessService.create(
    { def: NOTIFY, module: (rt) => NotifyAppModule.forRoot(rt) },
    {
      clock,
      env: { SLA_SCAN_MS: '0', DELIVERY_SCAN_MS: '0', SMTP_URL: smtp.url, PUBLIC_URL: 'http://console.test' },
    },
  );
  ({ app, url } = await svc.start());
  base = url.replace(/\/graphql$/, '');
  for (const [k, v] of Object.entries(USERS)) tokens[k as keyof typeof USERS] = svc.token(v);
  await svc.announceRegistry(ORG, [SITE]);
  for (const v of Object.values(USERS)) {
    await svc.publish(StaffSaved, {
      orgId: ORG,
      staffId: v.sub,
      roles: v.roles,
      department: v.department,
      sites: v.sites,
      active: true,
      name: v.sub,
      email: `${v.sub}@example.com`,
    });
  }
  await eventually(
    async () => Number((await svc.sql<{ n: string }>(`select count(*) as n from known_staff_contact where org_id = $1`, [ORG]))[0].n) === 6,
    20_000,
    'the staff directory',
  );
  await ok(
    gql(tokens.admin, `mutation($i: AssignDutyDirectorInput!) { assignDutyDirector(input: $i) { date } }`, {
      i: { siteId: SITE, date: '2026-12-07', userId: USERS.director.sub },
    }),
  );
});

afterAll(async () => {
  await svc?.close();
  await smtp?.close();
  await new Promise<void>((r) => robots?.close(() => r()));
});

describe('domain.md §6: who is told, and the acknowledgement ladder', () => {
  it('a major complaint: the area manager at once; the head must acknowledge within 10 minutes, else the duty director, then leadership', async () => {
    await svc.publish(ComplaintFiled, filed('c-major-1'));
    await eventually(async () => (await mine('head')).length === 1, 20_000, 'the head to be told');
    const [am] = await mine('am');
    expect(am).toMatchObject({ kind: 'MAJOR_COMPLAINT', ackRequired: false });
    const [head] = await mine('head');
    expect(head).toMatchObject({ kind: 'MAJOR_COMPLAINT', ackRequired: true, ackDueAt: '2026-12-07T02:10:00.000Z' });
    expect(head.title).toContain('c-major-1');

    advance(9);
    await app.get(NotifyScheduler).tick();
    expect(await mine('director')).toEqual([]);
    advance(1);
    await app.get(NotifyScheduler).tick();
    const [toDirector] = await mine('director');
    expect(toDirector).toMatchObject({ kind: 'UNACKNOWLEDGED', ackRequired: true, ackDueAt: '2026-12-07T02:20:00.000Z' });
    expect(await mine('lead')).toEqual([]);
    advance(10);
    await app.get(NotifyScheduler).tick();
    expect((await mine('lead')).map((n: any) => n.kind)).toEqual(['UNACKNOWLEDGED']);
    // the top of the ladder: nobody more to tell
    advance(10);
    expect((await app.get(NotifyScheduler).tick()).total).toBe(1);
    expect((await svc.sql(`select * from notification where source_key like 'major:c-major-1%'`)).length).toBe(4);
  });

  it('acknowledged in time, the ladder stops; the head’s acknowledgement is announced for REPORT_TO_HEAD; another’s message is not found', async () => {
    await svc.publish(ComplaintFiled, filed('c-major-2'));
    await eventually(async () => (await mine('head')).some((n: any) => n.title.includes('c-major-2')), 20_000, 'the head to be told');
    const n = (await mine('head')).find((x: any) => x.title.includes('c-major-2'));
    const refused = await gql(tokens.am, `mutation($id: ID!) { acknowledgeNotification(id: $id) { id } }`, { id: n.id });
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const acked = await ok(gql(tokens.head, `mutation($id: ID!) { acknowledgeNotification(id: $id) { acknowledgedAt } }`, { id: n.id }));
    expect(acked.acknowledgedAt).toBe(clock.now().toISOString());
    const events = await svc.sql<{ body: string }>(`select body from outbox_event where subject = 'notification.acknowledged'`);
    expect(events.map((e) => JSON.parse(e.body).payload)).toEqual([
      expect.objectContaining({
        complaintId: 'c-major-2',
        kind: 'MAJOR_COMPLAINT',
        recipientId: USERS.head.sub,
        recipientRoles: [Role.SITE_HEAD],
      }),
    ]);
    advance(30);
    await app.get(NotifyScheduler).tick();
    expect((await svc.sql(`select * from notification where source_key like 'major:c-major-2|ladder%'`)).length).toBe(0);
  });

  it('a redelivered event adds no message', async () => {
    const before = Number((await svc.sql<{ n: string }>(`select count(*) as n from notification`))[0].n);
    await svc.publish(ComplaintFiled, filed('c-major-1'), 'another-message-id-same-complaint');
    await svc.publish(ComplaintFiled, filed('c-minor-0', { severity: Severity.MINOR }));
    await eventually(
      async () => (await svc.sql(`select 1 from case_file where complaint_id = 'c-minor-0'`)).length === 1,
      20_000,
      'the minor one',
    );
    expect(Number((await svc.sql<{ n: string }>(`select count(*) as n from notification`))[0].n)).toBe(before);
  });
});

describe('domain.md §6: channels', () => {
  it('e-mail goes through a real SMTP server, with a deep link and a one-click signed acknowledge link, and no customer data', async () => {
    await svc.publish(ComplaintFiled, filed('c-mail-1'));
    await eventually(async () => (await mine('head')).some((n: any) => n.title.includes('c-mail-1')), 20_000, 'the head to be told');
    await app.get(DeliveryWorker).tick();
    // everything due for the head at once went as one digest e-mail
    const mail = mails.find((m) => m.text?.includes('c-mail-1') && (m.to as any).text.includes(USERS.head.sub));
    expect(mail).toBeDefined();
    expect(mail!.text).toContain('http://console.test/#/complaints/c-mail-1');
    expect(mail!.text).not.toContain('cust-1');
    const item = mail!.text!.split('\n\n').find((p) => p.includes('c-mail-1'))!;
    const link = /http:\/\/console\.test(\/notifications\/ack\?t=[^\s]+)/.exec(item)![1];
    const forged = await fetch(`${base}${link.slice(0, -3)}xyz`);
    expect(forged.status).toBe(400);
    const res = await fetch(`${base}${link}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Acknowledged');
    const n = (await mine('head')).find((x: any) => x.title.includes('c-mail-1'));
    expect(n.acknowledgedAt).not.toBeNull();
    expect(n.deliveries).toEqual(
      expect.arrayContaining([
        { channel: 'EMAIL', status: 'SENT' },
        { channel: 'IN_APP', status: 'SENT' },
      ]),
    );
  });

  it('a site’s DingTalk and Feishu robots get one signed post per event; bad targets and short secrets are refused', async () => {
    const set = (input: Record<string, unknown>) =>
      gql(tokens.admin, `mutation($i: SetNotificationChannelInput!) { setNotificationChannel(input: $i) { id target hasSecret kinds } }`, {
        i: input,
      });
    const notHttps = await set({
      siteId: SITE,
      channel: 'DINGTALK',
      target: 'http://robot.example.com/send',
      secret: SECRET,
      kinds: ['DEADLINE_BREACHED'],
    });
    expect(notHttps.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'target' });
    const short = await set({
      siteId: SITE,
      channel: 'FEISHU',
      target: `${robotBase}/feishu`,
      secret: 'short',
      kinds: ['DEADLINE_BREACHED'],
    });
    expect(short.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const notAdmin = await gql(tokens.head, `mutation($i: SetNotificationChannelInput!) { setNotificationChannel(input: $i) { id } }`, {
      i: { siteId: SITE, channel: 'WECOM', target: `${robotBase}/wecom`, kinds: ['EMERGENCY'] },
    });
    expect(notAdmin.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const ding = await ok(
      set({
        siteId: SITE,
        channel: 'DINGTALK',
        target: `${robotBase}/ding?access_token=abc`,
        secret: SECRET,
        kinds: ['DEADLINE_BREACHED'],
      }),
    );
    expect(ding).toMatchObject({ target: `${robotBase}/ding?…`, hasSecret: true });
    await ok(set({ siteId: SITE, channel: 'FEISHU', target: `${robotBase}/feishu`, secret: SECRET, kinds: ['DEADLINE_BREACHED'] }));

    for (const wo of ['wo-1', 'wo-2', 'wo-3']) {
      await svc.publish(SlaBreached, {
        orgId: ORG,
        siteId: SITE,
        complaintId: `c-${wo}`,
        workOrderId: wo,
        department: Department.ENGINEERING,
        clock: SlaClock.PLAN,
        dueAt: clock.now().toISOString(),
        breachedAt: clock.now().toISOString(),
      });
    }
    await eventually(
      async () => (await mine('engHead')).filter((n: any) => n.kind === 'DEADLINE_BREACHED').length === 3,
      20_000,
      'the department head to be told',
    );
    const sent = await app.get(DeliveryWorker).tick();
    // three breaches due at once: one digest per robot (and one e-mail to the department head)
    expect(posts.filter((p) => p.path === '/ding')).toHaveLength(1);
    expect(posts.filter((p) => p.path === '/feishu')).toHaveLength(1);
    expect(posts.every((p) => p.verified)).toBe(true);
    expect(sent.digests).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(posts)).not.toContain('cust-1');
  });
});

describe('domain.md §6: the live stream', () => {
  it('streams new notifications and resumes with Last-Event-ID without losing one', async () => {
    const read = async (lastEventId?: string, until = 1) => {
      const ctrl = new AbortController();
      const res = await fetch(`${base}/notifications/stream`, {
        headers: { authorization: `Bearer ${tokens.am}`, ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
        signal: ctrl.signal,
      });
      expect(res.headers.get('content-type')).toContain('text/event-stream');
      const reader = res.body!.getReader();
      let text = '';
      const events: { id: string; data: any }[] = [];
      const deadline = Date.now() + 15_000;
      while (events.length < until && Date.now() < deadline) {
        const { value, done } = await reader.read();
        if (done) break;
        text += Buffer.from(value).toString();
        let i: number;
        while ((i = text.indexOf('\n\n')) >= 0) {
          const block = text.slice(0, i);
          text = text.slice(i + 2);
          if (block.includes('event: notification')) {
            events.push({ id: /^id: (.*)$/m.exec(block)![1], data: JSON.parse(/^data: (.*)$/m.exec(block)![1]) });
          }
        }
      }
      ctrl.abort();
      return events;
    };
    const unauthenticated = await fetch(`${base}/notifications/stream`);
    expect(unauthenticated.status).toBe(401);
    const first = read(undefined, 1);
    await new Promise((r) => setTimeout(r, 300));
    advance(1);
    await svc.publish(ComplaintFiled, filed('c-stream-1'));
    const [e1] = await first;
    expect(e1.data).toMatchObject({ kind: 'MAJOR_COMPLAINT', complaintId: 'c-stream-1' });
    // disconnected: a message arrives meanwhile; the resumed stream delivers it
    advance(1);
    await svc.publish(ComplaintFiled, filed('c-stream-2'));
    await eventually(async () => (await mine('am')).some((n: any) => n.title.includes('c-stream-2')), 20_000, 'the second message');
    const resumed = await read(e1.id, 2);
    expect(resumed.map((e) => e.data.complaintId)).toContain('c-stream-2');
  });
});

describe('domain.md §6: duty roster', () => {
  it('shifts must cover 24 hours; a date that does not exist and unknown staff are refused; who is on duty now', async () => {
    const setShifts = (shifts: unknown) =>
      gql(tokens.admin, `mutation($s: [ShiftInput!]!) { setShifts(siteId: "${SITE}", shifts: $s) { name } }`, { s: shifts });
    const gap = await setShifts([
      { name: 'day', startsAt: '09:00', endsAt: '17:00' },
      { name: 'evening', startsAt: '17:00', endsAt: '24:00' },
      { name: 'night', startsAt: '00:00', endsAt: '08:00' },
    ]);
    expect(gap.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'shifts' });
    expect(gap.errors?.[0]?.message).toContain('08:00–09:00');
    await ok(
      setShifts([
        { name: 'day', startsAt: '08:00', endsAt: '17:00' },
        { name: 'evening', startsAt: '17:00', endsAt: '24:00' },
        { name: 'night', startsAt: '00:00', endsAt: '08:00' },
      ]),
    );
    const assign = (i: Record<string, unknown>) =>
      gql(tokens.admin, `mutation($i: AssignDutyInput!) { assignDuty(input: $i) { date shift { name } staff { id name } } }`, { i });
    expect(
      (await assign({ siteId: SITE, date: '2026-02-30', shift: 'day', staffIds: [USERS.am.sub] })).errors?.[0]?.extensions?.field,
    ).toBe('date');
    expect((await assign({ siteId: SITE, date: '2026-12-07', shift: 'day', staffIds: ['nobody'] })).errors?.[0]?.extensions?.field).toBe(
      'staffIds[0]',
    );
    await ok(assign({ siteId: SITE, date: '2026-12-07', shift: 'day', staffIds: [USERS.am.sub] }));
    const duty = await ok(gql(tokens.am, `{ currentDuty(siteId: "${SITE}") { date shift { name } staff { id name } director { id } } }`));
    expect(duty).toEqual({
      date: '2026-12-07',
      shift: { name: 'day' },
      staff: [{ id: USERS.am.sub, name: USERS.am.sub }],
      director: { id: USERS.director.sub },
    });
    const foreign = await postGraphql(
      url,
      svc.token({ sub: 'x', org: 'other-org', sites: ['*'], roles: [Role.ADMIN] }),
      `{ currentDuty(siteId: "${SITE}") { date } }`,
    );
    expect(foreign.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('rule "a week ahead, a shift with nobody is a notice to the site head": once per shift, however often the week is read', async () => {
    const notices = async () =>
      (
        await svc.sql<{ source_key: string }>(`select source_key from notification where kind = 'NOTICE' and recipient_id = $1`, [
          USERS.head.sub,
        ])
      )
        .map((r) => r.source_key.replace(`roster-gap:${SITE}|`, ''))
        .sort();
    // the first tick (10:09 in Shanghai on the 7th) read the week from the day shift on then: 21 shifts, nobody on any
    const first = await notices();
    expect(first).toHaveLength(21);
    expect(first).toEqual(expect.arrayContaining(['2026-12-07|day', '2026-12-07|evening', '2026-12-08|night', '2026-12-14|night']));
    expect(first).not.toContain('2026-12-14|day');
    const [notice] = await svc.sql<{ title: string; kind: string }>(`select title, kind from notification where source_key = $1`, [
      `roster-gap:${SITE}|2026-12-07|evening`,
    ]);
    expect(notice.title).toBe(`Nobody on duty: evening shift (17:00–24:00) on 2026-12-07 at ${SITE}`);
    await ok(
      gql(tokens.admin, `mutation($i: AssignDutyInput!) { assignDuty(input: $i) { date } }`, {
        i: { siteId: SITE, date: '2026-12-14', shift: 'day', staffIds: [USERS.am.sub] },
      }),
    );
    // a day later the week reaches three more shifts: the staffed one is not a notice; nothing is told twice
    clock.set(new Date('2026-12-08T03:00:00Z'));
    await app.get(NotifyScheduler).tick();
    const later = await notices();
    expect(later).toEqual([...first, '2026-12-14|evening', '2026-12-15|night'].sort());
    clock.set(new Date('2026-12-08T09:30:00Z'));
    await app.get(NotifyScheduler).tick();
    // six hours on, the site's week is read again (17:30, the evening shift on): one more shift comes into it
    expect(await notices()).toEqual([...later, '2026-12-15|day'].sort());
  });
  it('shift handover: the outgoing shift hands over what is open with a note, the incoming shift is told and acknowledges it, once', async () => {
    // 17:30 in Shanghai on 8 December: the area manager has the evening shift, the engineering head the night after it;
    // a major complaint's message to the site head is not acknowledged yet
    clock.set(new Date('2026-12-08T09:30:00Z'));
    await svc.publish(ComplaintFiled, filed('c-handover'));
    await eventually(
      async () =>
        Number((await svc.sql<{ n: string }>(`select count(*) as n from notification where complaint_id = 'c-handover'`))[0].n) === 2,
      20_000,
      'the major complaint told',
    );
    const assign = (i: Record<string, unknown>) =>
      ok(gql(tokens.admin, `mutation($i: AssignDutyInput!) { assignDuty(input: $i) { date } }`, { i }));
    await assign({ siteId: SITE, date: '2026-12-08', shift: 'evening', staffIds: [USERS.am.sub] });
    await assign({ siteId: SITE, date: '2026-12-09', shift: 'night', staffIds: [USERS.engHead.sub] });
    const fields = 'id date shift toDate toShift handedOverBy note acknowledgedBy acknowledgedAt items { kind complaintId text dueAt }';
    const handOver = (token: string) =>
      gql(token, `mutation($i: HandOverShiftInput!) { handOverShift(input: $i) { ${fields} } }`, {
        i: { siteId: SITE, note: 'Lift 2 of building 3 under repair.' },
      });
    expect((await handOver(tokens.engHead)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN'); // not on the evening shift
    const h = await ok(handOver(tokens.am));
    expect(h).toMatchObject({ date: '2026-12-08', shift: 'evening', toDate: '2026-12-09', toShift: 'night', handedOverBy: USERS.am.sub });
    // what is open, listed by itself: the major complaint nobody acknowledged
    expect(h.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'UNACKNOWLEDGED', complaintId: 'c-handover', dueAt: '2026-12-08T09:40:00.000Z' }),
      ]),
    );
    expect((await handOver(tokens.am)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const told = (await mine('engHead')).find((n: { kind: string }) => n.kind === 'SHIFT_HANDOVER');
    expect(told).toMatchObject({ ackRequired: true, acknowledgedAt: null });
    const listed = await ok(
      gql(tokens.head, `query($s: ID!) { shiftHandovers(siteId: $s, first: 5) { edges { node { ${fields} } } } }`, { s: SITE }),
    );
    expect(listed.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([h.id]);
    expect(listed.edges[0].node.items).toEqual(h.items);
    const ack = (token: string) =>
      gql(token, `mutation($id: ID!) { acknowledgeHandover(id: $id) { acknowledgedBy acknowledgedAt } }`, { id: h.id });
    expect((await ack(tokens.am)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN'); // the outgoing shift does not acknowledge its own
    expect(await ok(ack(tokens.engHead))).toMatchObject({ acknowledgedBy: USERS.engHead.sub });
    expect((await mine('engHead')).find((n: { id: string }) => n.id === told.id).acknowledgedAt).not.toBeNull();
  });
});

describe('domain.md §6: deadline warnings', () => {
  it('rule "warnings at 50 % and 80 % of a clock\'s time": the handler and the department head, each once, none after the deadline', async () => {
    clock.set(new Date('2026-12-09T02:00:00Z'));
    const at = clock.now().toISOString();
    await svc.publish(WorkOrderRecorded, {
      orgId: ORG,
      siteId: SITE,
      complaintId: 'c-warn',
      workOrderId: 'wo-warn',
      department: Department.ENGINEERING,
      lead: true,
      step: WorkOrderStep.HANDLER_ASSIGNED,
      status: WorkOrderStatus.ASSIGNED,
      round: 1,
      revision: 1,
      escalationLevel: EscalationLevel.HANDLER,
      at,
      handlerId: USERS.director.sub,
      assignedAt: at,
      progress: [],
      extensions: [],
      deadlines: [{ clock: SlaClock.PLAN, dueAt: new Date(clock.now().getTime() + 3_600_000).toISOString() }],
    });
    const warnings = async () =>
      (
        await svc.sql<{ recipient_id: string; source_key: string }>(
          `select recipient_id, source_key from notification where kind = 'DEADLINE_WARNING' and work_order_id = 'wo-warn' order by source_key, recipient_id`,
        )
      ).map((r) => `${r.source_key.replace(/^warn:wo-warn\|PLAN\|1:/, '')} ${r.recipient_id}`);
    await eventually(
      async () =>
        Number((await svc.sql<{ n: string }>(`select count(*) as n from deadline_watch where work_order_id = 'wo-warn'`))[0].n) === 1,
      20_000,
      'the watch',
    );
    advance(29);
    await app.get(NotifyScheduler).tick();
    expect(await warnings()).toEqual([]);
    advance(1); // 30 of 60 minutes
    await app.get(NotifyScheduler).tick();
    expect(await warnings()).toEqual([`50 ${USERS.director.sub}`, `50 ${USERS.engHead.sub}`]);
    advance(18); // 48 minutes: 80 %
    await app.get(NotifyScheduler).tick();
    await app.get(NotifyScheduler).tick();
    expect(await warnings()).toEqual([
      `50 ${USERS.director.sub}`,
      `50 ${USERS.engHead.sub}`,
      `80 ${USERS.director.sub}`,
      `80 ${USERS.engHead.sub}`,
    ]);
    advance(30); // past the deadline: the breach notice says it, no more warnings
    await app.get(NotifyScheduler).tick();
    expect(await warnings()).toHaveLength(4);
  });
});

describe("domain.md §7: the owners' committee's month without a meeting", () => {
  it('rule "a month without a recorded meeting is overdue, the site head is told": once, however often the event comes', async () => {
    const overdue = { orgId: ORG, siteId: SITE, month: '2026-11', dueAt: '2026-11-30T16:00:00.000Z' };
    await svc.publish(CommitteeMeetingOverdue, overdue);
    await svc.publish(CommitteeMeetingOverdue, overdue);
    const told = async () =>
      svc.sql<{ recipient_id: string; body: string }>(
        `select recipient_id, body from notification where source_key = 'committee-overdue:${SITE}:2026-11'`,
      );
    await eventually(async () => (await told()).length > 0, 20_000, 'the notice to the site head');
    await new Promise((r) => setTimeout(r, 500));
    const rows = await told();
    expect(rows.map((r) => r.recipient_id)).toEqual([USERS.head.sub]);
    expect(rows[0].body).toContain('2026-11');
  });
});

describe('domain.md §4: a survey follow-up plan past its due date', () => {
  it('rule "an overdue follow-up plan is told": its owner and the site head, once however often the event comes', async () => {
    const overdue = {
      orgId: ORG,
      siteId: SITE,
      surveyId: 'survey-1',
      followUpId: 'follow-up-1',
      ownerId: USERS.am.sub,
      question: 2,
      dueAt: '2026-12-05T02:00:00.000Z',
    };
    await svc.publish(SurveyFollowUpOverdue, overdue);
    await svc.publish(SurveyFollowUpOverdue, overdue);
    const told = async () =>
      svc.sql<{ recipient_id: string; body: string }>(
        `select recipient_id, body from notification where source_key = 'survey-follow-up-overdue:follow-up-1' order by recipient_id`,
      );
    await eventually(async () => (await told()).length === 2, 20_000, 'the notices to the owner and the site head');
    await new Promise((r) => setTimeout(r, 500));
    const rows = await told();
    expect(rows.map((r) => r.recipient_id)).toEqual([USERS.am.sub, USERS.head.sub].sort());
    expect(rows[0].body).toContain('question 3');
  });
});
