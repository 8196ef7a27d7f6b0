/**
 * Benchmark (not a test): a morning after an outage, seen by the notify service.
 *
 *   npm run bench:notify -- [--breaches 10000] [--sites 50] [--seconds 0]
 *
 * Starts the whole system like the tests do (every subgraph in its own process on fresh PostgreSQL
 * databases, a NATS namespace of its own, no gateway), an SMTP server in this process (smtp-server,
 * each mail parsed with mailparser), and a registry of `sites` sites with an engineering head and
 * four handlers each. Every work order first gets its handler (`workorder.recorded`, not measured);
 * then `breaches` `sla.breached` events go on the bus, spread over `seconds` (0: as fast as one
 * connection publishes). Each breach is a message to its handler and one to the site's engineering
 * head (domain.md §6), in the console and by e-mail. Prints:
 *   - messages created per second (first to last committed), and the publishing rate;
 *   - p50/p99 from a breach's event to its messages being readable by the console's stream (notify's
 *     store, polled every 100 ms; the stream itself polls every second) and to the SMTP server's acceptance;
 *   - CPU ms per message of each process (from /proc), digests sent, and the exactly-once counts.
 * With PC_BENCH_PROFILE_DIR set, notify writes a CPU profile there (tools/bench/profile.ts).
 */
import 'reflect-metadata';
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { connect, StringCodec } from 'nats';
import {
  Department,
  EscalationLevel,
  Role,
  SlaBreached,
  SlaClock,
  WorkOrderRecorded,
  WorkOrderStatus,
  WorkOrderStep,
  envelopeFor,
  type EventContract,
} from '@pc/contracts';
import { SUBGRAPH_NAMES } from '@pc/gateway';
import type { RegistryDataset } from '@pc/intake';
import { wireSubject } from '@pc/messaging';
import type { AuthUser } from '@pc/platform';
import { startSmtpReceiver } from '../smtp-receiver';
import { System, eventually } from '../system';
import { profileArgs } from './profile';
import { procCpuMs } from './reads';

function arg(name: string, fallback: number, min = 1): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < min) throw new Error(`--${name} must be an integer ≥ ${min}`);
  return v;
}

const ORG = 'bench-org';
const HANDLERS_PER_SITE = 4;
const pct = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
const ms = (v: number) => `${Math.round(v)} ms`;

function registry(sites: number): RegistryDataset {
  const staff: AuthUser[] = [];
  for (let s = 0; s < sites; s += 1) {
    const site = `bench-site-${s}`;
    staff.push({ sub: `head-${s}`, org: ORG, sites: [site], roles: [Role.DEPARTMENT_HEAD], department: Department.ENGINEERING });
    for (let h = 0; h < HANDLERS_PER_SITE; h += 1) {
      staff.push({ sub: `handler-${s}-${h}`, org: ORG, sites: [site], roles: [Role.DEPARTMENT_STAFF], department: Department.ENGINEERING });
    }
  }
  return {
    organisation: { id: ORG, name: 'Bench group' },
    sites: Array.from({ length: sites }, (_, s) => ({ id: `bench-site-${s}`, name: `Site ${s}`, timeZone: 'Asia/Shanghai' })),
    areas: [],
    units: [],
    customers: [],
    staff,
  };
}

async function main(): Promise<void> {
  const breaches = arg('breaches', 10_000);
  const sites = arg('sites', 50);
  const seconds = arg('seconds', 0, 0);
  const log = (msg: string) => process.stdout.write(`${msg}\n`);
  log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);

  // the SMTP server: when each (recipient, case) was accepted
  const accepted = new Map<string, number>();
  let mails = 0;
  let repeatedItems = 0;
  const smtp = await startSmtpReceiver((m) => {
    const at = performance.now();
    mails += 1;
    const to = (Array.isArray(m.to) ? m.to : [m.to]).flatMap((a) => a?.value.map((v) => v.address) ?? []).join(',');
    for (const id of new Set((m.text ?? '').match(/bench-c-\d+/g) ?? [])) {
      const key = `${to}|${id}`;
      if (accepted.has(key)) repeatedItems += 1;
      else accepted.set(key, at);
    }
  });

  log(`starting the system (${SUBGRAPH_NAMES.length} subgraph processes, fresh PostgreSQL databases, a NATS namespace)...`);
  const system = await System.start({
    gateway: false,
    env: { ...process.env, LOG_LEVEL: 'warn' },
    nodeArgs: profileArgs(['notify']),
    serviceEnv: {
      notify: { SMTP_URL: smtp.url, DELIVERY_SCAN_MS: '200' },
    },
  });
  const nc = await connect({ servers: system.config.NATS_URL });
  const js = nc.jetstream();
  const codec = StringCodec();
  let seq = 0;
  const send = <T extends object>(contract: EventContract<T>, payload: T & { orgId: string }) => {
    const id = `bench-${(seq += 1)}`;
    const envelope = envelopeFor(contract, payload, id, new Date(), {});
    return js.publish(wireSubject(system.config.NATS_NAMESPACE, contract.subject), codec.encode(JSON.stringify(envelope)), { msgID: id });
  };
  const count = async (sql: string, params: unknown[] = []) => Number((await system.sql<{ n: string }>('notify', sql, params))[0].n);
  try {
    const dataset = registry(sites);
    await system.seedRegistry(dataset);
    await eventually(
      async () => (await count(`select count(*) as n from known_staff_contact where email is not null`)) >= dataset.staff!.length,
      60_000,
      "notify's staff directory",
    );
    const now = Date.now();
    const siteOf = (i: number) => i % sites;
    const far = new Date(now + 30 * 86_400_000).toISOString();
    let t0 = performance.now();
    for (let i = 0; i < breaches; i += 1) {
      const s = siteOf(i);
      await send(WorkOrderRecorded, {
        orgId: ORG,
        siteId: `bench-site-${s}`,
        complaintId: `bench-c-${i}`,
        workOrderId: `bench-wo-${i}`,
        department: Department.ENGINEERING,
        lead: true,
        step: WorkOrderStep.HANDLER_ASSIGNED,
        status: WorkOrderStatus.ASSIGNED,
        round: 1,
        revision: 1,
        escalationLevel: EscalationLevel.HANDLER,
        at: new Date(now).toISOString(),
        handlerId: `handler-${s}-${i % HANDLERS_PER_SITE}`,
        assignedAt: new Date(now).toISOString(),
        progress: [],
        extensions: [],
        deadlines: [{ clock: SlaClock.FEEDBACK, dueAt: far }],
      });
    }
    await eventually(
      async () => (await count(`select count(distinct work_order_id) as n from deadline_watch where handler_id is not null`)) >= breaches,
      600_000,
      'every work order with its handler in notify',
    );
    log(`setup: ${breaches} work orders over ${sites} sites, each with its handler, in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const pids = Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, system.pid(n)!]));
    const cpu0 = Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, procCpuMs(pids[n])]));
    const self0 = process.cpuUsage();
    const publishedAt = new Array<number>(breaches);
    const visibleAt = new Map<string, number>();
    const expected = 2 * breaches;
    // what the console's stream reads: notifications committed in notify's store, polled every 100 ms with an overlap
    let polling = true;
    let since = new Date(now - 60_000);
    const poller = (async () => {
      while (polling) {
        const rows = await system.sql<{ id: string; complaint_id: string; created_at: Date }>(
          'notify',
          `select id, complaint_id, created_at from notification where kind = 'DEADLINE_BREACHED' and created_at >= $1`,
          [since],
        );
        const at = performance.now();
        let newest = since.getTime();
        for (const r of rows) {
          if (!visibleAt.has(r.id)) visibleAt.set(r.id, at);
          newest = Math.max(newest, new Date(r.created_at).getTime());
        }
        since = new Date(newest - 5000);
        if (visibleAt.size >= expected) break;
        await new Promise((r) => setTimeout(r, 100));
      }
    })();

    t0 = performance.now();
    const spacing = (seconds * 1000) / breaches;
    // a burst keeps up to 256 publications in flight on the one connection (JetStream acknowledges each)
    const inFlight = new Set<Promise<unknown>>();
    for (let i = 0; i < breaches; i += 1) {
      if (spacing) {
        const wait = t0 + i * spacing - performance.now();
        if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      }
      while (inFlight.size >= 256) await Promise.race(inFlight);
      const s = siteOf(i);
      publishedAt[i] = performance.now();
      const sent = send(SlaBreached, {
        orgId: ORG,
        siteId: `bench-site-${s}`,
        complaintId: `bench-c-${i}`,
        workOrderId: `bench-wo-${i}`,
        department: Department.ENGINEERING,
        clock: SlaClock.FEEDBACK,
        dueAt: new Date(now - 3_600_000).toISOString(),
        breachedAt: new Date().toISOString(),
      });
      inFlight.add(sent);
      void sent.finally(() => inFlight.delete(sent));
    }
    await Promise.all(inFlight);
    const publishSeconds = (performance.now() - t0) / 1000;
    log(`published ${breaches} sla.breached in ${publishSeconds.toFixed(1)} s (${Math.round(breaches / publishSeconds)}/s)`);

    const sentMail = `select count(*) as n from delivery d join notification n on n.id = d.notification_id
      where n.kind = 'DEADLINE_BREACHED' and d.channel = 'EMAIL' and d.status = 'SENT'`;
    await eventually(() => Promise.resolve(visibleAt.size >= expected), 600_000, 'every message in the console');
    polling = false;
    await poller;
    await eventually(() => Promise.resolve(accepted.size >= expected), 600_000, 'every e-mail accepted by the SMTP server');
    // the SMTP server has a mail before the worker records it sent
    await eventually(async () => (await count(sentMail)) >= expected, 60_000, 'every e-mail delivery recorded sent');
    const cpu = SUBGRAPH_NAMES.map((n) => [n, procCpuMs(pids[n]) - cpu0[n]] as const);
    const self = process.cpuUsage(self0);

    // latencies: each message from its breach's publication
    const byComplaint = await system.sql<{ id: string; complaint_id: string; recipient_id: string; created_at: Date }>(
      'notify',
      `select id, complaint_id, recipient_id, created_at from notification where kind = 'DEADLINE_BREACHED'`,
    );
    const index = (complaintId: string) => Number(complaintId.slice('bench-c-'.length));
    const inApp = byComplaint.map((r) => visibleAt.get(r.id)! - publishedAt[index(r.complaint_id)]).sort((a, b) => a - b);
    const mailLatency = [...accepted.entries()].map(([k, at]) => at - publishedAt[index(k.split('|')[1])]).sort((a, b) => a - b);
    const firstVisible = Math.min(...visibleAt.values());
    const lastVisible = Math.max(...visibleAt.values());
    const created = byComplaint.length;

    // exactly once, by count
    const duplicates = await count(
      `select count(*) as n from (select source_key, recipient_id from notification group by 1, 2 having count(*) > 1) x`,
    );
    const inAppRows = await count(
      `select count(*) as n from delivery d join notification n on n.id = d.notification_id where n.kind = 'DEADLINE_BREACHED' and d.channel = 'IN_APP'`,
    );
    const emailSent = await count(sentMail);

    log('');
    log(`messages: ${created} created (expected ${expected}: handler + engineering head per breach); duplicates ${duplicates}`);
    log(
      `  in-app deliveries ${inAppRows}, e-mail deliveries sent ${emailSent}; mail items accepted ${accepted.size}, repeated ${repeatedItems}`,
    );
    log(`  ${mails} mails for ${accepted.size} items (digests: one mail per recipient for what was due together)`);
    log(
      `throughput: ${Math.round(created / Math.max(0.001, (lastVisible - firstVisible) / 1000))} messages/s created (first to last readable)`,
    );
    log(`event → console (readable by the stream): p50 ${ms(pct(inApp, 50))}, p99 ${ms(pct(inApp, 99))}, max ${ms(inApp.at(-1)!)}`);
    log(`event → SMTP accepted: p50 ${ms(pct(mailLatency, 50))}, p99 ${ms(pct(mailLatency, 99))}, max ${ms(mailLatency.at(-1)!)}`);
    log(
      `CPU ms per message (from /proc): ${cpu.map(([n, v]) => `${n} ${(v / created).toFixed(3)}`).join(', ')}; this process (publisher, SMTP server, parser) ${((self.user + self.system) / 1000 / created).toFixed(3)}`,
    );
    const wrong = Object.entries({ created, duplicates, inAppRows, emailSent, mailItems: accepted.size, repeatedItems }).filter(
      ([name, v]) => v !== (name === 'duplicates' || name === 'repeatedItems' ? 0 : expected),
    );
    if (wrong.length) {
      throw new Error(`exactly once: ${wrong.map(([n, v]) => `${n} ${v}`).join(', ')} (expected ${expected}, or 0 repeats)`);
    }
  } finally {
    await nc.close();
    await system.close();
    await smtp.close();
  }
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
