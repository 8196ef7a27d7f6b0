import type { ParsedMail } from 'mailparser';
import { Category, Channel, ComplaintFiled, Department, Severity } from '@pc/contracts';
import { DEMO_DATASET } from '@pc/intake';
import { System, eventually } from '@pc/system';
import { startSmtpReceiver, type SmtpReceiver } from '../tools/smtp-receiver';

/**
 * Issue 27, "delivery you can trust": notify is killed with SIGKILL in the middle of a burst of major
 * complaints and restarted. Every message is written once per (event, recipient), the console has
 * each once, and every e-mail reaches the SMTP server; one sent again is only one that was being sent
 * when the process died (its lease ran out). Real: every subgraph process, PostgreSQL, NATS
 * JetStream, an SMTP server (smtp-server, mails parsed with mailparser). Mocked: nothing.
 */
const BURST = 300;
let system: System;
let smtp: SmtpReceiver;
const mails: ParsedMail[] = [];
const count = async (sql: string) => Number((await system.sql<{ n: string }>('notify', sql))[0].n);

beforeAll(async () => {
  smtp = await startSmtpReceiver((m) => mails.push(m));
  const notifyEnv = {
    SMTP_URL: smtp.url,
    DELIVERY_SCAN_MS: '100',
    DELIVERY_LEASE_MS: '3000',
    NATS_ACK_WAIT_MS: '3000',
  };
  system = await System.start({ gateway: false, serviceEnv: { notify: notifyEnv } });
  await system.seedRegistry(DEMO_DATASET);
  await eventually(
    async () => (await count(`select count(*) as n from known_staff_contact where email is not null`)) >= 10,
    30_000,
    "notify's staff directory",
  );
}, 180_000);

afterAll(async () => {
  await system?.close();
  await smtp?.close();
});

it('kill -9 in the middle of a burst: each message is written and shown once, and every e-mail arrives (a repeat only of one in flight)', async () => {
  const now = Date.now();
  const ids = Array.from({ length: BURST }, (_, i) => `crash-${now}-${i}`);
  for (const complaintId of ids) {
    await system.publish(ComplaintFiled, {
      orgId: 'demo-org',
      siteId: 'demo-site-1',
      complaintId,
      areaManagerId: 'demo-area-manager',
      customerId: 'demo-customer-1',
      channel: Channel.PHONE,
      category: Category.EQUIPMENT,
      severity: Severity.MAJOR,
      circumstances: [],
      serious: true,
      urgent: false,
      departments: [Department.ENGINEERING],
      receivedAt: new Date().toISOString(),
      receivedBy: 'demo-front-desk',
      replyDueAt: new Date(Date.now() + 7_200_000).toISOString(),
      timeZone: 'Asia/Shanghai',
    });
  }
  const major = `select count(*) as n from notification where kind = 'MAJOR_COMPLAINT' and complaint_id like 'crash-${now}-%'`;
  // the area manager and the site head per complaint; killed part way through the burst
  await eventually(async () => (await count(major)) >= BURST / 3, 60_000, 'a third of the burst');
  await system.stopService('notify', 'SIGKILL');
  const atKill = await count(major);
  expect(atKill).toBeLessThan(2 * BURST);
  await system.startService('notify');

  await eventually(async () => (await count(major)) === 2 * BURST, 120_000, 'every message after the restart');
  const mailed = `select count(*) as n from delivery d join notification n on n.id = d.notification_id
    where n.complaint_id like 'crash-${now}-%' and d.channel = 'EMAIL'`;
  await eventually(async () => (await count(`${mailed} and d.status = 'SENT'`)) === 2 * BURST, 120_000, 'every e-mail sent');
  // past another ack wait and lease: nothing more comes
  await new Promise((r) => setTimeout(r, 4000));
  expect(await count(major)).toBe(2 * BURST);
  expect(
    await count(`select count(*) as n from (select source_key, recipient_id from notification group by 1, 2 having count(*) > 1) x`),
  ).toBe(0);
  const inApp = await system.sql<{ notification_id: string; n: string }>(
    'notify',
    `select d.notification_id, count(*) as n from delivery d join notification n on n.id = d.notification_id
     where n.complaint_id like 'crash-${now}-%' and d.channel = 'IN_APP' group by 1`,
  );
  expect(inApp).toHaveLength(2 * BURST);
  expect(inApp.every((r) => Number(r.n) === 1)).toBe(true);
  expect(await count(`${mailed} and d.status <> 'SENT'`)).toBe(0);

  // the mails: each (recipient, case) at least once; more than once only for a delivery sent again after its lease ran out
  const seen = new Map<string, number>();
  for (const m of mails) {
    const to = (Array.isArray(m.to) ? m.to : [m.to]).flatMap((a) => a?.value.map((v) => v.address) ?? []).join(',');
    for (const id of new Set((m.text ?? '').match(new RegExp(`crash-${now}-\\d+`, 'g')) ?? [])) {
      seen.set(`${to}|${id}`, (seen.get(`${to}|${id}`) ?? 0) + 1);
    }
  }
  const expected = ids.flatMap((id) => [`demo-area-manager@example.com|${id}`, `demo-site-head@example.com|${id}`]);
  expect(expected.filter((k) => !seen.has(k))).toEqual([]);
  const repeated = [...seen.entries()].filter(([, n]) => n > 1).map(([k]) => k);
  const resent = await count(`${mailed} and d.attempts > 1`);
  expect(repeated.length).toBeLessThanOrEqual(resent);
  process.stdout.write(
    `notify kill -9: ${atKill}/${2 * BURST} messages written at the kill; ${mails.length} mails; ${repeated.length} mail items repeated; ${resent} deliveries re-claimed after the lease\n`,
  );
}, 300_000);
