import { randomUUID } from 'node:crypto';
import { Channel, Department, Role, SlaBreached, SlaClock } from '@pc/contracts';
import { DEMO_DATASET, DEMO_USERS } from '@pc/intake';
import { type AuthUser } from '@pc/platform';
import { addWorkingDays, defaultCalendar } from '@pc/calendar';
import { System, eventually } from '@pc/system';

/**
 * domain.md §1 (intake) and §2 (classification) through the gateway.
 * Real: the four subgraph processes, the gateway, PostgreSQL (a fresh database per service) and
 * NATS JetStream (a namespace of its own). Mocked: nothing.
 */
let system: System;
const demo = (sub: string) => DEMO_USERS.find((u) => u.sub === sub)!;
let frontDesk: string;
let admin: string;
let analyst: string;
const OTHER_ORG = 'intake-other-org';

async function seed(): Promise<void> {
  await system.seedRegistry(DEMO_DATASET, {
    organisation: { id: OTHER_ORG, name: 'Another group' },
    sites: [{ id: 'other-site', name: 'Elsewhere' }],
    areas: [{ id: 'other-area', siteId: 'other-site', name: 'A' }],
    units: [{ id: 'other-unit', siteId: 'other-site', areaId: 'other-area', name: '1' }],
    customers: [{ id: 'other-customer', name: 'X', phone: '13900000000', kind: 'OWNER' as never }],
    staff: [{ sub: 'other-front-desk', org: OTHER_ORG, sites: ['*'], roles: [Role.FRONT_DESK] }],
  });
}

const COMPLAINT_FIELDS = `id siteId status valid severity channel category departments receivedAt receivedBy recordedBy
  replyDueAt repeatOf invalidReason reply repliedAt repliedVia attachments location areaId unitId customerId
  severityHistory { at from to reason causedBy }`;
const FILE = `mutation File($input: FileComplaintInput!) { fileComplaint(input: $input) { ${COMPLAINT_FIELDS} } }`;
const GET = `query C($id: ID!) { complaint(id: $id) { ${COMPLAINT_FIELDS}
  workOrders { id department status } callbacks { id dueAt } } }`;

/** A fresh customer per test, so that rule A never links two tests' complaints. */
async function newCustomer(unitId = 'demo-site-1-unit-101'): Promise<string> {
  const r = await system.graphql(frontDesk, `mutation S($input: SaveCustomerInput!) { saveCustomer(input: $input) { id } }`, {
    input: {
      name: `Customer ${randomUUID().slice(0, 8)}`,
      phone: `139${Math.floor(Math.random() * 1e8)
        .toString()
        .padStart(8, '0')}`,
      kind: 'OWNER',
      unitId,
    },
  });
  expect(r.errors).toBeUndefined();
  return r.data.saveCustomer.id;
}

const base = (customerId: string) => ({
  siteId: 'demo-site-1',
  unitId: 'demo-site-1-unit-101',
  customerId,
  channel: 'PHONE',
  category: 'EQUIPMENT',
  description: 'The lift in tower 1 stops between floors.',
});

async function file(input: Record<string, unknown>, token = frontDesk) {
  const r = await system.graphql(token, FILE, { input });
  expect(r.errors).toBeUndefined();
  return r.data.fileComplaint;
}

const get = async (id: string) => (await system.graphql(frontDesk, GET, { id })).data.complaint;

beforeAll(async () => {
  system = await System.start();
  await seed();
  frontDesk = system.token(demo('demo-front-desk'));
  admin = system.token(demo('demo-admin'));
  analyst = system.token(demo('demo-analyst'));
});

afterAll(async () => {
  await system?.close();
});

describe('domain.md §1 intake record', () => {
  it('lands every channel in one record', async () => {
    const customerId = await newCustomer();
    for (const channel of Object.values(Channel)) {
      const c = await file({ ...base(customerId), channel, category: 'OTHER', description: `via ${channel}`, resolution: 'answered' });
      expect(c.channel).toBe(channel);
    }
    const history = await system.graphql(frontDesk, `query H($c: ID!) { complaints(customerId: $c) { channel } }`, { c: customerId });
    expect(history.data.complaints.map((c: { channel: string }) => c.channel).sort()).toEqual(Object.values(Channel).sort());
  });

  it('keeps the real received-at of a paper record entered late, who took it, who typed it, attachments and the public-area location', async () => {
    const receivedAt = new Date(Date.now() - 3 * 86_400_000).toISOString();
    // the letter's scan, uploaded to the attachment store first (issue 29)
    const scan = await system.upload(
      system.token(demo('demo-front-desk')),
      'demo-site-1',
      Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'),
      'letter-0041.pdf',
      'application/pdf',
    );
    expect(scan.status).toBe(201);
    const c = await file({
      ...base(await newCustomer()),
      unitId: undefined,
      areaId: 'demo-site-1-area-b',
      location: 'Car park B2, bay 41',
      channel: 'LETTER',
      receivedAt,
      receivedBy: 'demo-complaint-rep',
      attachments: [scan.json.key],
    });
    expect(c).toMatchObject({
      receivedAt,
      receivedBy: 'demo-complaint-rep',
      recordedBy: 'demo-front-desk',
      areaId: 'demo-site-1-area-b',
      unitId: null,
      location: 'Car park B2, bay 41',
      attachments: [scan.json.key],
    });
  });

  it('records an invalid complaint with its reason, dispatches nothing, and owes a reasoned reply within 1 working day', async () => {
    const c = await file({
      ...base(await newCustomer()),
      category: 'NOISE',
      valid: false,
      invalidReason: 'The noise is from a licensed daytime road works site, not ours.',
    });
    expect(c).toMatchObject({ status: 'REJECTED', valid: false, invalidReason: expect.stringContaining('road works') });
    const due = addWorkingDays(new Date(c.receivedAt), 1, defaultCalendar());
    expect(new Date(c.replyDueAt).getTime()).toBe(due.getTime());
    // not dispatched: give dispatch time to have created work orders if it were going to
    await eventually(
      async () =>
        (
          await system.sql<{ n: number }>(
            'intake',
            `select count(*)::int n from outbox_event where published_at is not null and subject like '%complaint.rejected'`,
          )
        )[0].n >= 1,
      20_000,
      'complaint.rejected to be relayed',
    );
    await new Promise((r) => setTimeout(r, 1500));
    expect((await get(c.id)).workOrders).toEqual([]);

    const REPLY = `mutation R($input: RecordInvalidReplyInput!) { recordInvalidReply(input: $input) { id status reply repliedVia repliedAt } }`;
    const replied = await system.graphql(frontDesk, REPLY, {
      input: { complaintId: c.id, reply: 'We explained the permit and the working hours.', repliedVia: 'PHONE' },
    });
    expect(replied.errors).toBeUndefined();
    expect(replied.data.recordInvalidReply).toMatchObject({ status: 'CLOSED', repliedVia: 'PHONE' });
    const again = await system.graphql(frontDesk, REPLY, { input: { complaintId: c.id, reply: 'again', repliedVia: 'PHONE' } });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'complaintId' });
  });

  it('never closes an invalid complaint without its reply, and refuses a reply to a valid one', async () => {
    const c = await file({ ...base(await newCustomer()), valid: false, invalidReason: 'Duplicate of a neighbour report' });
    expect((await get(c.id)).status).toBe('REJECTED');
    const valid = await file(base(await newCustomer()));
    const r = await system.graphql(frontDesk, `mutation R($input: RecordInvalidReplyInput!) { recordInvalidReply(input: $input) { id } }`, {
      input: { complaintId: valid.id, reply: 'x', repliedVia: 'PHONE' },
    });
    expect(r.errors?.[0].extensions.code).toBe('CONFLICT');
  });

  it('rule "a letter is answered only after leadership approves the reply": the reply to an invalid letter names who approved it', async () => {
    const c = await file({
      ...base(await newCustomer()),
      channel: 'LETTER',
      valid: false,
      invalidReason: 'Outside the management contract',
    });
    const REPLY = `mutation R($input: RecordInvalidReplyInput!) { recordInvalidReply(input: $input) { id status } }`;
    const input = { complaintId: c.id, reply: 'Our reply letter explains the contract scope.', repliedVia: 'LETTER' };
    const unapproved = await system.graphql(frontDesk, REPLY, { input });
    expect(unapproved.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'approvedBy' });
    const notLeadership = await system.graphql(frontDesk, REPLY, { input: { ...input, approvedBy: 'demo-department-head' } });
    expect(notLeadership.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'approvedBy' });
    const approved = await system.graphql(frontDesk, REPLY, { input: { ...input, approvedBy: 'demo-leadership' } });
    expect(approved.errors).toBeUndefined();
    expect(approved.data.recordInvalidReply).toMatchObject({ status: 'CLOSED' });
  });

  it('records what is answered on the spot as resolved at intake: not dispatched, still called back within 24 hours and still reported', async () => {
    const c = await file({ ...base(await newCustomer()), category: 'FEES', resolution: 'Explained the service charge items on the bill.' });
    expect(c).toMatchObject({ status: 'RESOLVED_AT_INTAKE', valid: true, reply: expect.stringContaining('service charge') });
    const withCallback = await eventually(
      async () => {
        const x = await get(c.id);
        return x?.callbacks?.length ? x : undefined;
      },
      20_000,
      'the callback of a complaint resolved at intake',
    );
    expect(new Date(withCallback.callbacks[0].dueAt).getTime() - new Date(c.receivedAt).getTime()).toBe(24 * 3_600_000);
    expect(withCallback.workOrders).toEqual([]);
    const month = c.receivedAt.slice(0, 7);
    await eventually(
      async () => {
        const r = await system.graphql(
          analyst,
          `query M($m: String!) { monthlyReport(month: $m, siteId: "demo-site-1") { resolvedAtIntake invalid } }`,
          { m: month },
        );
        return r.data?.monthlyReport?.resolvedAtIntake >= 1 && r.data.monthlyReport.invalid >= 1;
      },
      20_000,
      'the report to count complaints resolved at intake and invalid ones',
    );
  });
});

describe('domain.md §2 severity', () => {
  it('rule A by itself: the same customer raising the same unresolved matter again makes both complaints major', async () => {
    const customerId = await newCustomer();
    const first = await file(base(customerId));
    expect(first.severity).toBe('MINOR');
    const second = await file({ ...base(customerId), channel: 'WECHAT', description: 'The lift is still stopping between floors!' });
    expect(second).toMatchObject({ severity: 'MAJOR', repeatOf: first.id });
    expect(second.severityHistory[0]).toMatchObject({ from: 'MINOR', to: 'MAJOR', reason: 'REPEATED_UNRESOLVED' });
    const earlier = await get(first.id);
    expect(earlier.severity).toBe('MAJOR');
    expect(earlier.severityHistory[0]).toMatchObject({ reason: 'REPEATED_UNRESOLVED', causedBy: second.id });
    const changed = await system.sql(
      'intake',
      `select body from outbox_event where subject like '%complaint.severity_changed' and body like $1`,
      [`%${first.id}%`],
    );
    expect(changed).toHaveLength(1);
  });

  it('rule A is not a repeat for another category, another unit, or an invalid complaint', async () => {
    const customerId = await newCustomer();
    await file(base(customerId));
    expect((await file({ ...base(customerId), category: 'FEES' })).severity).toBe('MINOR');
    expect((await file({ ...base(customerId), unitId: 'demo-site-1-unit-502' })).severity).toBe('MINOR');
    expect((await file({ ...base(customerId), valid: false, invalidReason: 'Already being handled' })).severity).toBe('MINOR');
  });

  it('rule A by link: a complaint linked to an earlier one of the same customer is major', async () => {
    const customerId = await newCustomer();
    const first = await file({ ...base(customerId), category: 'HYGIENE', resolution: 'Cleaned the stairwell.' });
    const again = await file({ ...base(customerId), category: 'HYGIENE', repeatOf: first.id, description: 'Stairwell dirty again' });
    expect(again).toMatchObject({ severity: 'MAJOR', repeatOf: first.id });
  });

  it('rules A–C as declared: any circumstance makes the complaint major', async () => {
    const c = await file({ ...base(await newCustomer()), circumstances: ['NEIGHBOUR_OR_EXTERNAL_CAUSE'] });
    expect(c.severity).toBe('MAJOR');
  });

  it('rule D: intake accepts the 10-day upgrade from dispatch (sla.breached MAJOR_UPGRADE) and records it', async () => {
    const c = await file(base(await newCustomer()));
    const wo = await eventually(async () => (await get(c.id))?.workOrders?.[0], 20_000, 'the work order');
    await system.publish(SlaBreached, {
      orgId: 'demo-org',
      siteId: 'demo-site-1',
      complaintId: c.id,
      workOrderId: wo.id,
      department: Department.ENGINEERING,
      clock: SlaClock.MAJOR_UPGRADE,
      dueAt: new Date(Date.now() - 1000).toISOString(),
      breachedAt: new Date().toISOString(),
    });
    const upgraded = await eventually(
      async () => {
        const x = await get(c.id);
        return x?.severity === 'MAJOR' ? x : undefined;
      },
      20_000,
      'the rule D upgrade',
    );
    expect(upgraded.severityHistory).toEqual([expect.objectContaining({ from: 'MINOR', to: 'MAJOR', reason: 'UNRESOLVED_10_DAYS' })]);
    const changed = await system.sql(
      'intake',
      `select count(*)::int n from outbox_event where subject like '%complaint.severity_changed' and body like $1`,
      [`%${c.id}%`],
    );
    expect(changed[0].n).toBe(1);
  });

  it('rule D for breaches waiting together: intake applies them as one batch, each complaint upgraded once, other clocks ignored', async () => {
    const filed = await Promise.all(Array.from({ length: 6 }, async () => file(base(await newCustomer()))));
    const wos = await Promise.all(filed.map((c) => eventually(async () => (await get(c.id))?.workOrders?.[0], 20_000, 'the work order')));
    await system.stopService('intake');
    const breach = (i: number, clock: SlaClock) =>
      system.publish(SlaBreached, {
        orgId: 'demo-org',
        siteId: 'demo-site-1',
        complaintId: filed[i].id,
        workOrderId: wos[i].id,
        department: Department.ENGINEERING,
        clock,
        dueAt: new Date(Date.now() - 1000).toISOString(),
        breachedAt: new Date().toISOString(),
      });
    for (let i = 0; i < 6; i++) await breach(i, SlaClock.MAJOR_UPGRADE);
    await breach(0, SlaClock.MAJOR_UPGRADE); // a second breach event for the same complaint
    await breach(1, SlaClock.PLAN); // not rule D
    await system.startService('intake');
    const ids = filed.map((c) => `'${c.id}'`).join(',');
    await eventually(
      async () => (await system.sql('intake', `select id from complaint where severity = 'MAJOR' and id in (${ids})`)).length === 6,
      30_000,
      'the six upgrades',
    );
    const rows = await system.sql<{ history: { reason: string }[]; tx: string }>(
      'intake',
      `select severity_history history, xmin::text tx from complaint where id in (${ids})`,
    );
    expect(rows.map((r) => r.history.map((h) => h.reason))).toEqual(Array(6).fill(['UNRESOLVED_10_DAYS']));
    expect(new Set(rows.map((r) => r.tx)).size).toBeLessThan(6);
    const [{ n }] = await system.sql<{ n: number }>(
      'intake',
      `select count(*)::int n from outbox_event where subject like '%complaint.severity_changed' and body::json->'payload'->>'complaintId' in (${ids})`,
    );
    expect(n).toBe(6);
  });
});

describe('domain.md §2 urgency and the site calendar', () => {
  it('gives urgent complaints 2 hours, others 2 working days on the site calendar, and the customer-named time precedence', async () => {
    const siteId = `cal-${randomUUID().slice(0, 8)}`;
    // a receipt on a Thursday; the next Friday is a public holiday at this site
    const receivedAt = new Date('2026-11-19T02:00:00Z'); // Thursday 10:00 Shanghai
    const holiday = '2026-11-20';
    const saved = await system.graphql(
      admin,
      `mutation S($input: SaveSiteInput!) { saveSite(input: $input) { id holidays annualHolidays timeZone } }`,
      {
        input: { id: siteId, name: 'Calendar test site', holidays: [holiday] },
      },
    );
    expect(saved.errors).toBeUndefined();
    expect(saved.data.saveSite).toMatchObject({
      holidays: [holiday],
      timeZone: 'Asia/Shanghai',
      annualHolidays: expect.arrayContaining(['10-01']),
    });
    const c = { ...base(await newCustomer()), siteId, unitId: undefined, receivedAt: receivedAt.toISOString() };
    const normal = await file(c);
    // Thursday + 2 working days, Friday a holiday, weekend → Tuesday 10:00
    expect(normal.replyDueAt).toBe('2026-11-24T02:00:00.000Z');
    const urgent = await file({ ...c, urgent: true, serious: false });
    expect(urgent.replyDueAt).toBe('2026-11-19T04:00:00.000Z');
    const asked = await file({ ...c, requestedReplyBy: '2026-11-19T09:00:00.000Z', urgent: true });
    expect(asked.replyDueAt).toBe('2026-11-19T09:00:00.000Z');
  });
});

describe('domain.md §2 routing, configurable per organisation', () => {
  it('routes by the organisation table (lead first), adds co-handlers, and every routed department gets a work order', async () => {
    const otherAdmin = system.token({ sub: 'other-admin', org: OTHER_ORG, sites: ['*'], roles: [Role.ADMIN] });
    const otherDesk = system.token({ sub: 'other-front-desk', org: OTHER_ORG, sites: ['*'], roles: [Role.FRONT_DESK] });
    const set = await system.graphql(
      otherAdmin,
      `mutation R($input: SetRoutingInput!) { setRouting(input: $input) { category departments isDefault } }`,
      {
        input: { category: 'NOISE', departments: ['CLEANING', 'SECURITY'] },
      },
    );
    expect(set.errors).toBeUndefined();
    expect(set.data.setRouting).toContainEqual({ category: 'NOISE', departments: ['CLEANING', 'SECURITY'], isDefault: false });
    const input = {
      siteId: 'other-site',
      unitId: 'other-unit',
      customerId: 'other-customer',
      channel: 'PHONE',
      category: 'NOISE',
      description: 'Leaf blowers at 6am',
    };
    const c = await file({ ...input, coDepartments: ['QUALITY'] }, otherDesk);
    expect(c.departments).toEqual(['CLEANING', 'SECURITY', 'QUALITY']);
    const workOrders = await eventually(
      async () => {
        const r = await system.graphql(otherDesk, GET, { id: c.id });
        return r.data?.complaint?.workOrders?.length === 3 ? r.data.complaint.workOrders : undefined;
      },
      20_000,
      'three work orders',
    );
    expect(workOrders.map((w: { department: string }) => w.department)[0]).toBe('CLEANING');

    // another organisation keeps the default of domain.md
    expect((await file({ ...base(await newCustomer()), category: 'NOISE' })).departments).toEqual(['SECURITY']);
    // an empty list restores the default
    await system.graphql(otherAdmin, `mutation R($input: SetRoutingInput!) { setRouting(input: $input) { category } }`, {
      input: { category: 'NOISE', departments: [] },
    });
    expect(
      (
        await file(
          { ...input, description: 'again at 6am', customerId: undefined, customerName: 'Y', customerPhone: '13900000001' },
          otherDesk,
        )
      ).departments,
    ).toEqual(['SECURITY']);
  });

  it('lets only an administrator change routing', async () => {
    const r = await system.graphql(frontDesk, `mutation { setRouting(input: { category: FEES, departments: [QUALITY] }) { category } }`);
    expect(r.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('registry of a multi-site group', () => {
  it('maintains sites, areas with their manager, units, customers and staff, and answers the console queries', async () => {
    const p = randomUUID().slice(0, 8);
    const call = async (token: string, q: string, input: unknown) => {
      const r = await system.graphql(token, q, { input });
      expect(r.errors).toBeUndefined();
      return r.data;
    };
    await call(admin, `mutation S($input: SaveSiteInput!) { saveSite(input: $input) { id } }`, { id: `site-${p}`, name: 'Lakeside' });
    await call(admin, `mutation S($input: SaveStaffUserInput!) { saveStaffUser(input: $input) { id } }`, {
      id: `am-${p}`,
      name: 'Wang Fang',
      roles: ['AREA_MANAGER'],
      sites: [`site-${p}`],
    });
    const siteHead: AuthUser = { sub: `head-${p}`, org: 'demo-org', sites: [`site-${p}`], roles: [Role.SITE_HEAD] };
    const head = system.token(siteHead);
    await call(head, `mutation S($input: SaveAreaInput!) { saveArea(input: $input) { id } }`, {
      id: `area-${p}`,
      siteId: `site-${p}`,
      name: 'North',
      areaManagerId: `am-${p}`,
    });
    await call(head, `mutation S($input: SaveUnitInput!) { saveUnit(input: $input) { id } }`, {
      id: `unit-${p}`,
      siteId: `site-${p}`,
      areaId: `area-${p}`,
      name: 'Block 1, 301',
    });
    await call(frontDesk, `mutation S($input: SaveCustomerInput!) { saveCustomer(input: $input) { id } }`, {
      id: `owner-${p}`,
      name: 'Sun Li',
      phone: '13700000001',
      email: 'sun@example.com',
      kind: 'OWNER',
      unitId: `unit-${p}`,
    });
    await call(frontDesk, `mutation S($input: SaveCustomerInput!) { saveCustomer(input: $input) { id } }`, {
      id: `tenant-${p}`,
      name: 'Zhou Yu',
      phone: '13700000002',
      kind: 'TENANT',
      unitId: `unit-${p}`,
    });

    const sites = await system.graphql(head, `{ sites { id areas { id areaManagerId } } }`);
    expect(sites.data.sites).toEqual([{ id: `site-${p}`, areas: [{ id: `area-${p}`, areaManagerId: `am-${p}` }] }]);
    const units = await system.graphql(head, `query U($s: ID!) { units(siteId: $s) { id areaId } }`, { s: `site-${p}` });
    expect(units.data.units).toEqual([{ id: `unit-${p}`, areaId: `area-${p}` }]);
    const customers = await system.graphql(frontDesk, `query C($u: ID!) { customers(unitId: $u) { id kind } }`, { u: `unit-${p}` });
    expect(customers.data.customers).toEqual([
      { id: `owner-${p}`, kind: 'OWNER' },
      { id: `tenant-${p}`, kind: 'TENANT' },
    ]);

    // a complaint in the new site reaches the new area manager; the history shows it
    const c = await file({
      siteId: `site-${p}`,
      unitId: `unit-${p}`,
      customerId: `owner-${p}`,
      channel: 'VISIT',
      category: 'FIT_OUT',
      description: 'Crack in the wall',
    });
    expect(c.areaId).toBe(`area-${p}`);
    const history = await system.graphql(frontDesk, `query H($c: ID!) { complaints(customerId: $c) { id } }`, { c: `owner-${p}` });
    expect(history.data.complaints).toEqual([{ id: c.id }]);

    // a site head of another site may not touch this one; another organisation cannot take the id
    const otherHead = system.token(demo('demo-site-head'));
    const denied = await system.graphql(
      otherHead,
      `mutation { saveUnit(input: { siteId: "site-${p}", areaId: "area-${p}", name: "x" }) { id } }`,
    );
    expect(denied.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const otherAdmin = system.token({ sub: 'x', org: OTHER_ORG, sites: ['*'], roles: [Role.ADMIN] });
    const taken = await system.graphql(otherAdmin, `mutation { saveSite(input: { id: "site-${p}", name: "mine" }) { id } }`);
    expect(taken.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect((await system.graphql(otherAdmin, `{ sites { id } }`)).data.sites.map((s: { id: string }) => s.id)).not.toContain(`site-${p}`);
  });

  it('refuses registry input that is not real: unknown time zone, impossible dates, a weekday as make-up day, an area manager who is none', async () => {
    const bad: [string, Record<string, unknown>, string][] = [
      ['saveSite', { name: 'x', timeZone: 'Mars/Olympus' }, 'timeZone'],
      ['saveSite', { name: 'x', holidays: ['2026-02-30'] }, 'holidays'],
      ['saveSite', { name: 'x', holidays: ['next friday'] }, 'holidays'],
      ['saveSite', { name: 'x', makeUpWorkdays: ['2026-11-18'] }, 'makeUpWorkdays'],
      ['saveSite', { name: '  ' }, 'name'],
      ['saveArea', { siteId: 'demo-site-1', name: 'x', areaManagerId: 'demo-front-desk' }, 'areaManagerId'],
      ['saveUnit', { siteId: 'demo-site-1', areaId: 'demo-site-2-area-a', name: 'x' }, 'areaId'],
      ['saveStaffUser', { name: 'x', roles: ['DEPARTMENT_STAFF'], sites: ['*'] }, 'department'],
      ['saveStaffUser', { name: 'x', roles: ['FRONT_DESK'], sites: ['no-such-site'] }, 'sites'],
      ['saveCustomer', { name: 'x', phone: 'call me', kind: 'OWNER' }, 'phone'],
    ];
    for (const [mutation, input, field] of bad) {
      const type = `${mutation[0].toUpperCase()}${mutation.slice(1)}Input`;
      const r = await system.graphql(admin, `mutation M($input: ${type}!) { ${mutation}(input: $input) { id } }`, { input });
      expect({ mutation, input, ext: r.errors?.[0].extensions }).toMatchObject({ ext: { code: 'BAD_USER_INPUT', field } });
    }
  });
});

describe('bad input at the edge (≥ 30 malformed complaints)', () => {
  const future = new Date(Date.now() + 3_600_000).toISOString();
  let customerId: string;
  let otherCustomersComplaint: string;
  beforeAll(async () => {
    customerId = await newCustomer();
    otherCustomersComplaint = (await file(base(await newCustomer()))).id;
    await file({ ...base(customerId), idempotencyKey: 'bad-input-key' });
  });

  const cases: [string, (c: string) => Record<string, unknown>, string, string?][] = [
    ['an unknown site', () => ({ siteId: 'no-such-site' }), 'siteId'],
    ['a site of another organisation', () => ({ siteId: 'other-site', unitId: undefined }), 'siteId'],
    ['an empty siteId', () => ({ siteId: '  ' }), 'siteId'],
    ['a unit of another site', () => ({ unitId: 'demo-site-2-unit-1201' }), 'unitId'],
    ['an unknown unit', () => ({ unitId: 'no-such-unit' }), 'unitId'],
    ['an area of another site', () => ({ unitId: undefined, areaId: 'demo-site-2-area-a' }), 'areaId'],
    ['an area that is not the unit’s area', () => ({ areaId: 'demo-site-1-area-b' }), 'areaId'],
    ['a customer of another organisation', () => ({ customerId: 'other-customer' }), 'customerId'],
    ['an unknown customer', () => ({ customerId: 'no-such-customer' }), 'customerId'],
    ['a customer id together with a name', () => ({ customerName: 'Someone' }), 'customerId'],
    ['an anonymous customer without name or contact', () => ({ customerId: undefined }), 'customerName'],
    ['an anonymous customer without a contact phone', () => ({ customerId: undefined, customerName: 'Walk-in' }), 'customerPhone'],
    [
      'a contact phone that is no phone number',
      () => ({ customerId: undefined, customerName: 'Walk-in', customerPhone: 'ring me' }),
      'customerPhone',
    ],
    ['an empty description', () => ({ description: '   ' }), 'description'],
    ['a 100 KB description', () => ({ description: 'x'.repeat(100_000) }), 'description'],
    ['receivedAt in the future', () => ({ receivedAt: future }), 'receivedAt'],
    ['an absurd receivedAt (1900)', () => ({ receivedAt: '1900-01-01T00:00:00Z' }), 'receivedAt'],
    [
      'a receivedAt older than the two years records are kept',
      () => ({ receivedAt: new Date(Date.now() - 3 * 365 * 86_400_000).toISOString() }),
      'receivedAt',
    ],
    ['a malformed receivedAt', () => ({ receivedAt: 'yesterday' }), 'receivedAt'],
    [
      'a requested reply time before receipt',
      () => ({ requestedReplyBy: new Date(Date.now() - 86_400_000).toISOString() }),
      'requestedReplyBy',
    ],
    ['a requested reply time years away', () => ({ requestedReplyBy: '2099-01-01T00:00:00Z' }), 'requestedReplyBy'],
    ['a wrong channel', () => ({ channel: 'PIGEON' }), 'channel'],
    ['a wrong category', () => ({ category: 'WEATHER' }), 'category'],
    ['a wrong circumstance', () => ({ circumstances: ['BAD_LUCK'] }), 'circumstances[0]'],
    ['a wrong co-department', () => ({ coDepartments: ['MARKETING'] }), 'coDepartments[0]'],
    ['urgent that is not a boolean', () => ({ urgent: 'very' }), 'urgent'],
    ['an invalid complaint without its reason', () => ({ valid: false }), 'invalidReason'],
    ['a reason for a valid complaint', () => ({ invalidReason: 'because' }), 'invalidReason'],
    ['an invalid complaint “resolved” on the spot', () => ({ valid: false, invalidReason: 'x', resolution: 'y' }), 'resolution'],
    [
      'more than 20 attachments',
      () => ({
        attachments: Array.from(
          { length: 21 },
          (_, i) => `demo-org/demo-site-1/00000000-0000-4000-8000-${String(i).padStart(12, '0')}.jpg`,
        ),
      }),
      'attachments',
    ],
    ['an empty attachment reference', () => ({ attachments: [''] }), 'attachments'],
    ['an attachment reference over 500 characters', () => ({ attachments: [`s3://${'a'.repeat(600)}`] }), 'attachments'],
    ['a location over 200 characters', () => ({ location: 'x'.repeat(201) }), 'location'],
    ['an unknown receiving staff member', () => ({ receivedBy: 'nobody' }), 'receivedBy'],
    ['a repeat of an unknown complaint', () => ({ repeatOf: 'no-such-complaint' }), 'repeatOf'],
    ['a repeat of another customer’s complaint', () => ({ repeatOf: otherCustomersComplaint }), 'repeatOf'],
    ['an empty idempotency key', () => ({ idempotencyKey: '' }), 'idempotencyKey'],
    ['an idempotency key over 200 characters', () => ({ idempotencyKey: 'k'.repeat(201) }), 'idempotencyKey'],
    [
      'a used idempotency key with different content',
      () => ({ idempotencyKey: 'bad-input-key', description: 'something else' }),
      'idempotencyKey',
      'CONFLICT',
    ],
    ['an unknown input field', () => ({ priority: 'HIGH' }), 'priority'],
  ];

  it('covers at least 30 cases', () => expect(cases.length).toBeGreaterThanOrEqual(30));

  it.each(cases)(
    'answers a typed error naming the field for %s, and stores and publishes nothing',
    async (_name, patch, field, code = 'BAD_USER_INPUT') => {
      const counts = async () =>
        (
          await system.sql(
            'intake',
            // a resident's case link follows an earlier case's complaint.filed asynchronously (its own consumer): not this request's
            `select (select count(*) from complaint)::int c, (select count(*) from outbox_event where subject <> 'resident.message_requested')::int o,
              (select count(*) from customer)::int u`,
          )
        )[0];
      const before = await counts();
      const r = await system.graphql(frontDesk, FILE, { input: { ...base(customerId), ...patch(customerId) } });
      expect(r.data?.fileComplaint ?? null).toBeNull();
      expect(r.errors?.[0].extensions).toMatchObject({ code, field });
      expect(await counts()).toEqual(before);
    },
  );
});

describe('the staff directory for assignment', () => {
  it('rule "a department head assigns from the own department": the head lists only the own department\'s staff, of the own organisation', async () => {
    const head = system.token(demo('demo-department-head'));
    const r = await system.graphql(head, `{ staffUsers(siteId: "demo-site-1") { id department } }`);
    expect(r.errors).toBeUndefined();
    const ids = r.data.staffUsers.map((s: { id: string }) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['demo-department-staff', 'demo-department-head']));
    expect(r.data.staffUsers.every((s: { department: string }) => s.department === 'ENGINEERING')).toBe(true);
    expect(ids).not.toContain('other-front-desk');
    // a site head sees every department; staff without a head's role see nobody
    const all = await system.graphql(system.token(demo('demo-site-head')), `{ staffUsers(siteId: "demo-site-1") { id department } }`);
    expect(all.data.staffUsers.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining(['demo-front-desk', 'demo-quality']));
    const staff = await system.graphql(system.token(demo('demo-department-staff')), `{ staffUsers { id } }`);
    expect(staff.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('filings arriving together (group commit)', () => {
  it("files one caller's simultaneous complaints in fewer transactions, each with its own answer: its complaint, its own error, the same complaint for a repeated key", async () => {
    const customers = await Promise.all(Array.from({ length: 12 }, () => newCustomer()));
    const inputs = [
      ...customers.map((customerId, n) => ({ ...base(customerId), channel: n % 2 ? 'WECHAT' : 'PHONE', description: `group filing ${n}` })),
      { ...base(customers[0]), receivedAt: new Date(Date.now() + 86_400_000).toISOString(), description: 'received tomorrow' },
      { ...base(customers[1]), idempotencyKey: 'group-key', description: 'keyed once' },
      { ...base(customers[1]), idempotencyKey: 'group-key', description: 'keyed once' },
    ];
    const answers = await Promise.all(inputs.map((input) => system.graphql(frontDesk, FILE, { input })));
    const filed = answers.slice(0, 12).map((a) => a.data.fileComplaint);
    expect(filed.map((c) => c.customerId)).toEqual(customers);
    expect(filed.map((c) => c.channel)).toEqual(customers.map((_, n) => (n % 2 ? 'WECHAT' : 'PHONE')));
    // the refused one alone, with its field; nothing of it stored
    expect(answers[12].errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'receivedAt' });
    expect(await system.sql('intake', `select id from complaint where description = 'received tomorrow'`)).toEqual([]);
    // one complaint for the key sent twice at once
    expect(answers[13].data.fileComplaint.id).toBe(answers[14].data.fileComplaint.id);
    expect(await system.sql('intake', `select id from complaint where idempotency_key = 'group-key'`)).toHaveLength(1);
    // fewer transactions than filings (rows written in one transaction share its xmin)
    const ids = [...filed.map((c) => c.id), answers[13].data.fileComplaint.id];
    const [{ transactions }] = await system.sql<{ transactions: number }>(
      'intake',
      `select count(distinct xmin::text)::int transactions from complaint where id in (${ids.map((id) => `'${id}'`).join(',')})`,
    );
    expect(transactions).toBeLessThan(ids.length);
    // each event stamped with its own filing's channel
    const channels = await system.sql<{ channel: string; id: string }>(
      'intake',
      `select body::json->>'channel' channel, body::json->'payload'->>'complaintId' id from outbox_event where subject = 'complaint.filed' and body::json->'payload'->>'complaintId' = any($1)`,
      [filed.map((c) => c.id)],
    );
    expect(Object.fromEntries(channels.map((c) => [c.id, c.channel]))).toEqual(Object.fromEntries(filed.map((c) => [c.id, c.channel])));
  });
});

describe('traces without an exporter (OTEL_EXPORTER_OTLP_ENDPOINT unset)', () => {
  it("records no span, yet the event a filing writes carries the caller's trace id on", async () => {
    const traceId = randomUUID().replace(/-/g, '');
    const res = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${frontDesk}`,
        traceparent: `00-${traceId}-${randomUUID().replace(/-/g, '').slice(0, 16)}-01`,
      },
      body: JSON.stringify({ query: FILE, variables: { input: base(await newCustomer()) } }),
    });
    const body = (await res.json()) as { data?: { fileComplaint: { id: string } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    const [filed] = await system.sql<{ body: string }>(
      'intake',
      `select body from outbox_event where subject = 'complaint.filed' and body like $1`,
      [`%${body.data!.fileComplaint.id}%`],
    );
    // the same trace id (intake's resolver ran in the caller's context; no span of its own was built)
    expect(JSON.parse(filed.body).traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-0[01]$`));
  });
});
