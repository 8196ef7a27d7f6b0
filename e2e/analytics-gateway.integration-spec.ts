import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { Category, ComplaintResolved, Role, Severity } from '@pc/contracts';
import { localMonth } from '@pc/calendar';
import { DEMO_DATASET, DEMO_USERS } from '@pc/intake';
import { System, eventually } from '@pc/system';
import { publishEvent } from '../tools/harness';

/**
 * The read side as consoles and BI tools use it, through the gateway. Real: the four subgraph
 * processes, the gateway, PostgreSQL, NATS JetStream. Mocked: nothing.
 */
let system: System;
const demo = (sub: string) => DEMO_USERS.find((u) => u.sub === sub)!;
let analyst: string;
let biSite1: string;
let frontDesk: string;
const H = 3_600_000;

/** Resolutions as dispatch announces them; the callback service schedules one callback for each. */
const resolutions = [
  { siteId: 'demo-site-1', areaId: 'demo-site-1-area-a', hoursAgo: 30 }, // due 6 h ago: missing
  { siteId: 'demo-site-1', areaId: 'demo-site-1-area-a', hoursAgo: 1 }, // due in 23 h: pending
  { siteId: 'demo-site-1', areaId: 'demo-site-1-area-b', hoursAgo: 2 },
  { siteId: 'demo-site-2', areaId: 'demo-site-2-area-a', hoursAgo: 26 },
  { siteId: 'demo-site-2', areaId: 'demo-site-2-area-a', hoursAgo: 3 },
].map((r) => ({ ...r, complaintId: randomUUID(), resolvedAt: new Date(Date.now() - r.hoursAgo * H) }));

async function download(path: string, token: string | null): Promise<{ status: number; type: string | null; body: Buffer }> {
  const res = await fetch(`${system.gatewayUrl.replace(/\/graphql$/, '')}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
}

async function workbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as never);
  return book;
}

const rowsOf = (sheet: ExcelJS.Worksheet): unknown[][] => {
  const out: unknown[][] = [];
  sheet.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
};

beforeAll(async () => {
  system = await System.start();
  await system.seedRegistry(DEMO_DATASET);
  analyst = system.token(demo('demo-analyst'));
  frontDesk = system.token(demo('demo-front-desk'));
  // a BI user of one site only
  biSite1 = system.token({ sub: 'bi-1', org: 'demo-org', sites: ['demo-site-1'], roles: [Role.ANALYST] });
  for (const r of resolutions) {
    await publishEvent(system.config, ComplaintResolved, {
      orgId: 'demo-org',
      siteId: r.siteId,
      areaId: r.areaId,
      complaintId: r.complaintId,
      severity: Severity.MINOR,
      category: Category.EQUIPMENT,
      resolvedAt: r.resolvedAt.toISOString(),
      resolvedBy: 'demo-department-staff',
      takenBy: 'demo-front-desk',
      atIntake: false,
    });
  }
  const filed = await system.graphql(frontDesk, `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id } }`, {
    i: {
      siteId: 'demo-site-1',
      unitId: 'demo-site-1-unit-101',
      customerId: 'demo-customer-1',
      channel: 'PHONE',
      category: 'EQUIPMENT',
      description: 'lift stuck',
    },
  });
  expect(filed.errors).toBeUndefined();
}, 120_000);

afterAll(async () => {
  await system?.close();
});

describe('domain.md §4–§5 one definition of a missing and a pending callback', () => {
  it('monthlyReport and callbackCoverage agree on pending and missing, per site and area', async () => {
    const months = [...new Set(resolutions.map((r) => localMonth(r.resolvedAt, 'Asia/Shanghai')))];
    for (const month of months) {
      const expected = resolutions.filter((r) => localMonth(r.resolvedAt, 'Asia/Shanghai') === month).length;
      const coverage = await eventually(
        async () => {
          const r = await system.graphql(
            analyst,
            `query($m: String!) { callbackCoverage(month: $m, kind: COMPLAINT) { siteId areaId resolved missing pending } }`,
            { m: month },
          );
          const rows = r.data?.callbackCoverage as { resolved: number }[] | undefined;
          return rows && rows.reduce((a, x) => a + x.resolved, 0) === expected ? rows : undefined;
        },
        20_000,
        'the callbacks',
      );
      const report = await eventually(
        async () => {
          const r = await system.graphql(
            analyst,
            `query($m: String!) { monthlyReport(month: $m) { callbacks { resolved missing pending } byArea { siteId areaId callbacks { resolved missing pending } } } }`,
            { m: month },
          );
          return r.data?.monthlyReport?.callbacks?.resolved === expected ? r.data.monthlyReport : undefined;
        },
        20_000,
        'the report to count the callbacks',
      );
      const sum = (rows: any[], k: 'missing' | 'pending') => rows.reduce((a, x) => a + x[k], 0);
      expect(report.callbacks.missing).toBe(sum(coverage, 'missing'));
      expect(report.callbacks.pending).toBe(sum(coverage, 'pending'));
      for (const c of coverage as any[]) {
        const area = report.byArea.find((a: any) => a.siteId === c.siteId && a.areaId === c.areaId);
        expect({ site: c.siteId, area: c.areaId, ...area.callbacks }).toEqual({
          site: c.siteId,
          area: c.areaId,
          resolved: c.resolved,
          missing: c.missing,
          pending: c.pending,
        });
      }
    }
    const now = new Date();
    const thisMonth = localMonth(now, 'Asia/Shanghai');
    const missingNow = resolutions.filter((r) => localMonth(r.resolvedAt, 'Asia/Shanghai') === thisMonth && r.hoursAgo > 24).length;
    const report = (
      await system.graphql(analyst, `query($m: String!) { monthlyReport(month: $m) { callbacks { missing } } }`, { m: thisMonth })
    ).data.monthlyReport;
    expect(report.callbacks.missing).toBe(missingNow);
  });
});

describe('domain.md §5 exports on the gateway’s port, scoped like the queries', () => {
  const month = localMonth(new Date(), 'Asia/Shanghai');

  beforeAll(async () => {
    await eventually(
      async () =>
        (await system.graphql(analyst, `query($m: String!) { monthlyReport(month: $m) { complaints } }`, { m: month })).data?.monthlyReport
          ?.complaints >= 1,
      20_000,
      'the filed complaint in the report',
    );
  });

  it('a BI user downloads the month’s report as .xlsx and .csv and sees only the sites in the token', async () => {
    const xlsx = await download(`/exports/monthly-report.xlsx?month=${month}&lang=en`, biSite1);
    expect(xlsx.status).toBe(200);
    expect(xlsx.type).toContain('spreadsheetml');
    const book = await workbook(xlsx.body);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Figures',
      'Breakdowns',
      'SLA by clock',
      'Repeat complainants',
      'Corrective actions',
    ]);
    const figures = rowsOf(book.getWorksheet('Figures')!);
    expect(figures[0].slice(0, 4)).toEqual(['Scope', 'Site', 'Area', 'Valid complaints']);
    const sites = new Set(
      figures
        .slice(1)
        .map((r) => r[1])
        .filter(Boolean),
    );
    expect([...sites]).toEqual(['demo-site-1']);
    expect(figures[1][0]).toBe('GROUP');
    expect(figures[1][3]).toBeGreaterThanOrEqual(1);

    const csv = await download(`/exports/monthly-report.csv?month=${month}&lang=zh`, biSite1);
    expect(csv.status).toBe(200);
    const text = csv.body.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('有效投诉');
    expect(text).not.toContain('demo-site-2');

    // the organisation-wide analyst sees both sites
    const all = await workbook((await download(`/exports/monthly-report.xlsx?month=${month}&lang=zh`, analyst)).body);
    expect(all.worksheets[0].name).toBe('汇总');
    expect(
      new Set(
        rowsOf(all.worksheets[0])
          .slice(1)
          .map((r) => r[1])
          .filter(Boolean),
      ),
    ).toEqual(new Set(['demo-site-1', 'demo-site-2']));
  });

  it('downloads the month’s complaint list and the KPIs', async () => {
    const csv = await download(`/exports/monthly-complaints.csv?month=${month}&lang=en`, biSite1);
    expect(csv.status).toBe(200);
    const lines = csv.body
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0].split(',').slice(0, 3)).toEqual(['Complaint', 'Site', 'Area']);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.slice(1).every((l) => l.split(',')[1] === 'demo-site-1')).toBe(true);
    const xlsx = await download(`/exports/monthly-complaints.xlsx?month=${month}&lang=zh`, analyst);
    expect(rowsOf((await workbook(xlsx.body)).worksheets[0])[0][0]).toBe('投诉编号');
    const day = new Date().toISOString().slice(0, 10);
    const kpis = await download(`/exports/kpis.csv?from=${month}-01&to=${day}&bucket=MONTH&lang=en`, analyst);
    expect(kpis.status).toBe(200);
    expect(kpis.body.toString('utf8')).toContain('Median hours to resolve');
  });

  it('answers bad requests with a status, a code and the field', async () => {
    expect((await download(`/exports/monthly-report.csv?month=${month}`, null)).status).toBe(401);
    const bad = await download(`/exports/monthly-report.csv?month=2026-13`, analyst);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body.toString())).toMatchObject({ code: 'BAD_USER_INPUT', field: 'month' });
    const other = await download(`/exports/monthly-report.xlsx?month=${month}&siteId=demo-site-2`, biSite1);
    expect(other.status).toBe(403);
    expect((await download(`/exports/monthly-report.pdf?month=${month}`, analyst)).status).toBe(404);
    expect((await download(`/exports/monthly-report.csv?month=${month}&lang=fr`, analyst)).status).toBe(400);
    expect((await download(`/exports/monthly-report.csv?month=${month}`, frontDesk)).status).toBe(403);
  });
});
