import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_DATASET, DEMO_USERS } from '@pc/intake';
import { System, eventually } from '@pc/system';
import { importFile } from '../tools/import';

/**
 * Bulk import of historic and paper records (domain.md §1: a paper record carries its real received
 * time). Real: the four subgraph processes, the gateway, PostgreSQL, NATS JetStream.
 */
let system: System;
let token: string;
const dir = mkdtempSync(join(tmpdir(), 'pc-import-'));
const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString();

const header = 'recordId,siteId,unitId,customerId,channel,category,description,receivedAt,circumstances,urgent';
const goodFields = Array.from({ length: 8 }, (_, i) => [
  `P-${100 + i}`,
  'demo-site-1',
  'demo-site-1-unit-101',
  'demo-customer-1',
  i % 2 ? 'LETTER' : 'PHONE',
  ['EQUIPMENT', 'FEES', 'NOISE', 'HYGIENE'][i % 4],
  `"paper form ${i}, ""as written"""`,
  day(3 + i),
  i === 0 ? 'SERIOUS_LOSS_OR_INJURY' : '',
  i === 1 ? 'true' : '',
]);
const good = goodFields.map((f) => f.join(','));
const bad = [
  ['P-900', 'demo-site-1', 'demo-site-1-unit-101', 'demo-customer-1', 'PHONE', 'WEATHER', 'no such category', day(2), '', ''].join(','),
  ['P-901', 'demo-site-1', 'demo-site-1-unit-101', 'demo-customer-1', 'PHONE', 'FEES', 'received tomorrow', day(-1), '', ''].join(','),
  ['P-902', 'nowhere-site', '', 'demo-customer-1', 'PHONE', 'FEES', 'a site of nobody', day(2), '', ''].join(','),
  ['', 'demo-site-1', 'demo-site-1-unit-101', 'demo-customer-1', 'PHONE', 'FEES', 'no record id', day(2), '', ''].join(','),
];
// the bad records sit among the good ones, as in a real spreadsheet
const csv = join(dir, 'paper-2026.csv');
writeFileSync(
  csv,
  `\uFEFF${header}\n${[...good.slice(0, 3), bad[0], ...good.slice(3, 6), bad[1], bad[2], ...good.slice(6), bad[3]].join('\n')}\n`,
);

const importedKeys = async () =>
  (await system.sql<{ idempotency_key: string; received_at: Date; severity: string }>(
    'intake',
    `select idempotency_key, received_at, severity from complaint where idempotency_key like 'import:paper-2026:%' order by idempotency_key`,
  )) ?? [];

beforeAll(async () => {
  system = await System.start();
  await system.seedRegistry(DEMO_DATASET);
  token = system.token(DEMO_USERS.find((u) => u.sub === 'demo-front-desk')!);
}, 120_000);

afterAll(async () => {
  await system?.close();
});

describe('bulk import of paper and historic records (domain.md §1)', () => {
  it('a run cut short and resumed files every good record once, with the intake rules and the real received time', async () => {
    const progress: number[] = [];
    const first = await importFile({
      file: csv,
      url: system.gatewayUrl,
      token,
      batch: 2,
      limit: 5,
      onProgress: (p) => progress.push(p.done),
    });
    expect(first).toMatchObject({ records: 5, filed: 4, duplicates: 0, rejected: 1 });
    expect(progress).toEqual([2, 4, 5]);

    const resumed = await importFile({ file: csv, url: system.gatewayUrl, token, batch: 3 });
    expect(resumed).toMatchObject({ records: 12, filed: 4, duplicates: 4, rejected: 4 });
    const rows = await importedKeys();
    expect(rows.map((r) => r.idempotency_key)).toEqual(goodFields.map((f) => `import:paper-2026:${f[0]}`).sort());
    // the paper record keeps the day it was received; rule C made the first one major
    expect(new Date(rows[0].received_at).toISOString()).toBe(goodFields[0][7]);
    expect(rows[0].severity).toBe('MAJOR');

    // dispatched like any complaint: a work order for each
    const ids = (
      await system.sql<{ id: string }>('intake', `select id from complaint where idempotency_key like 'import:paper-2026:%'`)
    ).map((r) => r.id);
    await eventually(
      async () =>
        Number(
          (
            await system.sql<{ n: string }>(
              'dispatch',
              'select count(distinct complaint_id) as n from work_order where complaint_id = any($1)',
              [ids],
            )
          )[0].n,
        ) === ids.length,
      30_000,
      'the work orders of the imported complaints',
    );
  });

  it('reports every refused record with its line, field and reason, and stores nothing of it', () => {
    const rejects = readFileSync(`${csv}.rejects.jsonl`, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { line: number; recordId: string; field: string; reason: string });
    expect(rejects.map((r) => [r.line, r.recordId, r.field])).toEqual([
      [4, 'P-900', 'category'],
      [8, 'P-901', 'receivedAt'],
      [9, 'P-902', 'siteId'],
      [12, '', 'recordId'],
    ]);
    expect(rejects.every((r) => r.reason.length > 0)).toBe(true);
  });

  it('a second run of the same file files nothing again', async () => {
    const again = await importFile({ file: csv, url: system.gatewayUrl, token });
    expect(again).toMatchObject({ filed: 0, duplicates: 8, rejected: 4 });
    expect(await importedKeys()).toHaveLength(8);
    const none = await system.sql(
      'intake',
      `select 1 from complaint where description in ('no such category', 'received tomorrow', 'a site of nobody', 'no record id')`,
    );
    expect(none).toEqual([]);
  });

  it('refuses a batch over 1,000 records and a caller without an intake role', async () => {
    const big = await system.graphql(token, `mutation($i: ImportComplaintsInput!) { importComplaints(input: $i) { filed } }`, {
      i: {
        source: 'big',
        rows: Array.from({ length: 1001 }, (_, i) => ({
          recordId: `B-${i}`,
          complaint: { siteId: 'demo-site-1', channel: 'PHONE', category: 'FEES', description: 'x', customerId: 'demo-customer-1' },
        })),
      },
    });
    expect(big.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const analyst = system.token(DEMO_USERS.find((u) => u.sub === 'demo-analyst')!);
    const denied = await system.graphql(analyst, `mutation($i: ImportComplaintsInput!) { importComplaints(input: $i) { filed } }`, {
      i: {
        source: 'x',
        rows: [
          {
            recordId: '1',
            complaint: { siteId: 'demo-site-1', channel: 'PHONE', category: 'FEES', description: 'x', customerId: 'demo-customer-1' },
          },
        ],
      },
    });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
  it('files a batch in one transaction: a refused record stores nothing, not even its new customer, and rule A links records of one batch', async () => {
    const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3_600_000).toISOString();
    const row = (recordId: string, name: string, phone: string, receivedAt: string) => ({
      recordId,
      complaint: {
        siteId: 'demo-site-1',
        unitId: 'demo-site-1-unit-101',
        channel: 'LETTER',
        category: 'NOISE',
        description: `${recordId}: drilling at night`,
        customerName: name,
        customerPhone: phone,
        receivedAt,
      },
    });
    const r = await system.graphql(
      token,
      `mutation($i: ImportComplaintsInput!) { importComplaints(input: $i) { filed imported { recordId complaintId } rejected { recordId field reason } } }`,
      {
        i: {
          source: 'one-batch',
          rows: [
            row('A-1', 'Ma Li', '13911110001', at(30)),
            row('A-2', 'Zhao Gang', '13911110002', at(-2)), // received in the future: refused
            row('A-3', 'Ma Li', '13911110001', at(20)), // the same customer and matter, still open: rule A
          ],
        },
      },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.importComplaints.filed).toBe(2);
    expect(r.data.importComplaints.rejected).toEqual([{ recordId: 'A-2', field: 'receivedAt', reason: expect.any(String) }]);
    const id = (recordId: string) =>
      r.data.importComplaints.imported.find((x: { recordId: string }) => x.recordId === recordId).complaintId;
    // nothing of the refused record: no customer, no event
    expect(await system.sql('intake', `select id from customer where phone = '13911110002'`)).toEqual([]);
    expect(await system.sql('intake', `select event_id from outbox_event where body like '%Zhao Gang%' or body like '%A-2%'`)).toEqual([]);
    // one customer for both of Ma Li's records; the later one repeats the earlier, both major (rule A)
    const rows = await system.sql<{ id: string; customer_id: string; severity: string; repeat_of: string | null; tx: string }>(
      'intake',
      `select id, customer_id, severity, repeat_of, xmin::text tx from complaint where id in ('${id('A-1')}', '${id('A-3')}') order by received_at`,
    );
    expect(rows.map((c) => [c.id, c.severity, c.repeat_of])).toEqual([
      [id('A-1'), 'MAJOR', null],
      [id('A-3'), 'MAJOR', id('A-1')],
    ]);
    expect(new Set(rows.map((c) => c.customer_id)).size).toBe(1);
    expect(new Set(rows.map((c) => c.tx)).size).toBe(1); // written in one transaction
  });
});
