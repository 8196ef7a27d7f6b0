import { readFileSync } from 'node:fs';
import { Department, Role } from '@pc/contracts';
import { DEMO_DATASET, DEMO_USERS } from '@pc/intake';
import { SUPERGRAPH_FILE } from '@pc/gateway';
import { System, eventually } from '@pc/system';
import { composeFrom } from '../tools/compose-supergraph';
import { handleToResolution } from './work-order-steps';

/**
 * Real: the four subgraph processes, the gateway, PostgreSQL (a fresh database per service) and
 * NATS JetStream (a namespace of its own). Mocked: nothing.
 */
let system: System;
const user = (sub: string) => DEMO_USERS.find((u) => u.sub === sub)!;
let frontDesk: string;
let engineer: string;
let engineeringHead: string;
let analyst: string;

async function seed(): Promise<void> {
  await system.seedRegistry(DEMO_DATASET, {
    organisation: { id: 'other-org', name: 'Another group' },
    sites: [{ id: 'other-site', name: 'Elsewhere' }],
    areas: [{ id: 'other-area', siteId: 'other-site', name: 'A' }],
    units: [{ id: 'other-unit', siteId: 'other-site', areaId: 'other-area', name: '1' }],
    customers: [{ id: 'other-customer', name: 'X', phone: '13900000000', kind: 'OWNER' as never }],
  });
}

async function count(service: 'intake' | 'dispatch', sql: string): Promise<number> {
  return Number((await system.sql<{ n: string }>(service, sql))[0].n);
}

const FILE = `mutation File($input: FileComplaintInput!) {
  fileComplaint(input: $input) { id siteId status valid severity channel category departments receivedAt }
}`;

const baseInput = {
  siteId: 'demo-site-1',
  unitId: 'demo-site-1-unit-101',
  customerId: 'demo-customer-1',
  channel: 'PHONE',
  category: 'EQUIPMENT',
  description: 'The lift in tower 1 stops between floors.',
};

beforeAll(async () => {
  system = await System.start();
  await seed();
  frontDesk = system.token(user('demo-front-desk'));
  engineer = system.token(user('demo-department-staff'));
  engineeringHead = system.token(user('demo-department-head'));
  analyst = system.token(user('demo-analyst'));
});

afterAll(async () => {
  await system?.close();
});

describe('walking skeleton through the gateway', () => {
  it('files, routes, dispatches, resolves, calls back and reports one complaint end to end', async () => {
    const filed = await system.graphql(frontDesk, FILE, { input: { ...baseInput, idempotencyKey: 'slice-1' } });
    expect(filed.errors).toBeUndefined();
    const complaint = filed.data.fileComplaint;
    expect(complaint).toMatchObject({
      siteId: 'demo-site-1',
      status: 'OPEN',
      valid: true,
      severity: 'MINOR',
      departments: [Department.ENGINEERING],
    });

    const query = `query C($id: ID!) { complaint(id: $id) { id status
      workOrders { id department status deadlines { clock dueAt metAt breachedAt } }
      callbacks { id dueAt satisfaction } } }`;
    const withWorkOrder = await eventually(
      async () => {
        const r = await system.graphql(frontDesk, query, { id: complaint.id });
        return r.data?.complaint?.workOrders?.length ? r.data.complaint : undefined;
      },
      20_000,
      'the work order',
    );
    const wo = withWorkOrder.workOrders[0];
    expect(wo).toMatchObject({ department: 'ENGINEERING', status: 'RECEIVED' });
    expect(wo.deadlines.map((d: { clock: string }) => d.clock).sort()).toEqual(['FEEDBACK', 'MAJOR_UPGRADE', 'PLAN', 'REPLY']);

    const queue = await system.graphql(
      engineer,
      `{ workOrders(department: ENGINEERING, first: 10) { edges { node { id complaintId } } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(queue.errors).toBeUndefined();
    expect(queue.data.workOrders.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(wo.id);

    const resolved = await handleToResolution({ gql: (t, q, v) => system.graphql(t, q, v), staff: engineer, head: engineeringHead }, wo.id);
    expect(resolved.status).toBe('RESOLVED');

    const after = await eventually(
      async () => {
        const r = await system.graphql(frontDesk, query, { id: complaint.id });
        return r.data?.complaint?.callbacks?.length && r.data.complaint.status === 'RESOLVED' ? r.data.complaint : undefined;
      },
      20_000,
      'the callback',
    );
    const callbackDue = new Date(after.callbacks[0].dueAt).getTime();
    const resolvedAt = new Date(resolved.resolvedAt).getTime();
    expect(callbackDue - resolvedAt).toBe(24 * 3_600_000); // domain.md §4: callback within 24 hours

    const month = complaint.receivedAt.slice(0, 7);
    const report = await eventually(
      async () => {
        const r = await system.graphql(
          analyst,
          `query M($m: String!) { monthlyReport(month: $m, siteId: "demo-site-1") {
        complaints byCategory { key count } byDepartment { key count } bySeverity { key count }
        sla { metOnTime breached } callbacks { resolved completed missing pending } } }`,
          { m: month },
        );
        return r.data?.monthlyReport?.callbacks?.resolved >= 1 ? r.data.monthlyReport : undefined;
      },
      20_000,
      'the monthly report',
    );
    expect(report.complaints).toBeGreaterThanOrEqual(1);
    expect(report.byCategory).toContainEqual({ key: 'EQUIPMENT', count: expect.any(Number) });
    expect(report.byDepartment).toContainEqual({ key: 'ENGINEERING', count: expect.any(Number) });
    // resolved, not yet called back and not yet due: pending, as callbackCoverage calls it (not missing)
    expect(report.callbacks.pending).toBeGreaterThanOrEqual(1);

    // domain.md §5 "who did what, when, on which channel": every event names its actor (and the channel of a filing)
    const envelope = async (service: 'intake' | 'dispatch', subject: string) =>
      (await system.sql<{ body: string }>(service, `select body from outbox_event where subject = $1 order by seq`, [subject]))
        .map((r) => JSON.parse(r.body) as { actor: string; channel?: string; payload: { complaintId?: string } })
        .find((e) => e.payload.complaintId === complaint.id);
    expect(await envelope('intake', 'complaint.filed')).toMatchObject({ actor: 'demo-front-desk', channel: 'PHONE' });
    expect(await envelope('dispatch', 'workorder.created')).toMatchObject({ actor: 'system' }); // dispatch's reaction
    expect(await envelope('dispatch', 'workorder.resolved')).toMatchObject({ actor: 'demo-department-staff' });
  });

  it('returns the same complaint for the same idempotency key, never a second one', async () => {
    const input = { ...baseInput, idempotencyKey: 'twice' };
    const a = await system.graphql(frontDesk, FILE, { input });
    const b = await system.graphql(frontDesk, FILE, { input });
    expect(b.data.fileComplaint.id).toBe(a.data.fileComplaint.id);
    expect(await count('intake', `select count(*) n from complaint where idempotency_key = 'twice'`)).toBe(1);
    const other = await system.graphql(frontDesk, FILE, { input: { ...input, description: 'something else' } });
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });
  });

  it('routes each category to its lead department (domain.md §2 routing)', async () => {
    const cases: [string, Department][] = [
      ['SERVICE_ATTITUDE', Department.QUALITY],
      ['FEES', Department.FINANCE],
      ['NOISE', Department.SECURITY],
      ['WASTE', Department.CLEANING],
      ['COMPENSATION', Department.LEADERSHIP],
    ];
    for (const [category, department] of cases) {
      const r = await system.graphql(frontDesk, FILE, { input: { ...baseInput, category } });
      expect(r.data.fileComplaint.departments[0]).toBe(department);
    }
  });

  it('makes a complaint major when a circumstance A–C applies (domain.md §2 severity)', async () => {
    const r = await system.graphql(frontDesk, FILE, { input: { ...baseInput, circumstances: ['SERIOUS_LOSS_OR_INJURY'] } });
    expect(r.data.fileComplaint.severity).toBe('MAJOR');
  });
});

describe('auth and scope', () => {
  it('answers UNAUTHENTICATED without a valid token', async () => {
    expect((await system.graphql(null, '{ sites { id } }')).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await system.graphql('not-a-jwt', '{ sites { id } }')).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('shows only the granted sites of the caller organisation', async () => {
    const siteHead = system.token(user('demo-site-head'));
    const r = await system.graphql(siteHead, '{ sites { id name areas { id name } } }');
    expect(r.data.sites.map((s: { id: string }) => s.id)).toEqual(['demo-site-1']);
    const other = system.token({ sub: 'x', org: 'other-org', sites: ['*'], roles: [Role.ADMIN] });
    expect((await system.graphql(other, '{ sites { id } }')).data.sites.map((s: { id: string }) => s.id)).toEqual(['other-site']);
  });

  it('answers FORBIDDEN to a role that may not file complaints, and for a site not granted', async () => {
    expect((await system.graphql(analyst, FILE, { input: baseInput })).errors?.[0].extensions.code).toBe('FORBIDDEN');
    const siteHead = system.token(user('demo-site-head'));
    const r = await system.graphql(siteHead, FILE, { input: { ...baseInput, siteId: 'demo-site-2', unitId: undefined } });
    expect(r.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('enforces auth in the subgraphs too, not only at the gateway', async () => {
    const direct = await system.graphql(null, '{ sites { id } }', undefined, system.urls.intake);
    expect(direct.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('never shows a complaint of another organisation', async () => {
    const filed = await system.graphql(frontDesk, FILE, { input: baseInput });
    const other = system.token({ sub: 'x', org: 'other-org', sites: ['*'], roles: [Role.ADMIN] });
    const r = await system.graphql(other, 'query C($id: ID!) { complaint(id: $id) { id } }', { id: filed.data.fileComplaint.id });
    expect(r.data.complaint).toBeNull();
  });
});

describe('health and schema', () => {
  it('answers GET /health with 200 on every service', async () => {
    for (const url of [...Object.values(system.urls), system.gatewayUrl]) {
      expect((await fetch(url.replace(/\/graphql$/, '/health'))).status).toBe(200);
    }
  });

  it("answers GET /metrics (Prometheus text) on every service, with the operator's figures", async () => {
    const metrics = async (url: string) => {
      const res = await fetch(url.replace(/\/graphql$/, '/metrics'));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      return res.text();
    };
    /** The summed value of a metric's samples (0 when it has none). */
    const value = (text: string, name: string, labels = '') =>
      text
        .split('\n')
        .filter((l) => l.startsWith(name) && (l.startsWith(`${name} `) || l.startsWith(`${name}{`)) && l.includes(labels))
        .reduce((n, l) => n + Number(l.split(' ').at(-1)), 0);
    const intake = await metrics(system.urls.intake);
    expect(value(intake, 'http_request_duration_seconds_count', 'route="/graphql"')).toBeGreaterThan(0);
    expect(value(intake, 'graphql_operation_duration_seconds_count', 'field="fileComplaint"')).toBeGreaterThan(0);
    expect(value(intake, 'process_cpu_seconds_total')).toBeGreaterThan(0);
    for (const name of ['outbox_backlog', 'outbox_oldest_unpublished_age_seconds', 'parked_messages', 'consumer_pending_messages']) {
      expect(intake).toContain(`# TYPE ${name} gauge`);
    }
    expect(intake).toMatch(/consumer_ack_pending_messages\{durable="intake-complaint_resolved"\} \d+/);
    const dispatch = await metrics(system.urls.dispatch);
    expect(value(dispatch, 'events_consumed_total', 'durable="dispatch-complaint_filed",outcome="applied"')).toBeGreaterThan(0);
    for (const name of ['timers_due', 'sla_breaches_total', 'timers_fired_total', 'timer_lateness_seconds']) {
      expect(dispatch).toContain(`# TYPE ${name} `);
    }
    expect(await metrics(system.urls.callback)).toContain('# TYPE callbacks_overdue gauge');
    expect(value(await metrics(system.urls.analytics), 'events_consumed_total', 'durable="analytics-read-model"')).toBeGreaterThan(0);
    expect(value(await metrics(system.gatewayUrl), 'graphql_operation_duration_seconds_count', 'type="query"')).toBeGreaterThan(0);
  });

  it('keeps the committed supergraph in sync with the subgraph schemas (npm run supergraph)', async () => {
    expect(await composeFrom(system.urls, analyst)).toBe(readFileSync(SUPERGRAPH_FILE, 'utf8'));
  });
});
