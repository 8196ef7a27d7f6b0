/**
 * Benchmark (not a test): the analytics read side at group scale.
 *
 *   npm run bench:analytics -- [--sizes 10000,100000,1000000] [--rebuild-complaints 20000] [--runs 15]
 *
 * Loads a synthetic group (300 sites × 3 areas, 24 months) into a fresh PostgreSQL database, in
 * steps up to each size: complaints with their routed departments, work orders, three clocks each,
 * escalations, callbacks, fines and emergencies, written as the projection writes its facts; then
 * the projection's own aggregation (`ReadModelStore.refresh`) builds the monthly rows. At each size
 * it prints the monthly report's latency for the group, one site and one area (the code the
 * resolver runs: `ReportReader` + `buildMonthlyReport`), and the KPI queries' latency, with the CPU
 * of this process and of its PostgreSQL backend (from /proc) per call.
 * Last, the rebuild: `--rebuild-complaints` complaints' events (7 each) are published to a stream
 * of their own; JetStream's own delivery rate (an ordered consumer that only counts) and
 * `rebuildReadModel`'s rate are printed side by side, from the same stream in the same run.
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { MikroORM } from '@mikro-orm/core';
import { StringCodec, connect } from 'nats';
import {
  CallbackCompleted,
  CallbackKind,
  CallbackScheduled,
  Category,
  CauseCategory,
  Channel,
  ComplaintFiled,
  ComplaintResolved,
  Department,
  EscalationLevel,
  Satisfaction,
  Severity,
  SlaClock,
  WorkOrderCreated,
  WorkOrderRecorded,
  WorkOrderResolved,
  WorkOrderStatus,
  WorkOrderStep,
  envelopeFor,
  type EventContract,
} from '@pc/contracts';
import {
  ANALYTICS,
  KpiBucket,
  KpiQueries,
  ReadModelStore,
  ReportReader,
  buildMonthlyReport,
  knexOf,
  rebuildReadModel,
} from '@pc/analytics';
import { ensureStream, streamName, wireSubject } from '@pc/messaging';
import { ormOptions } from '@pc/platform';
import { subgraphPersistence } from '@pc/subgraph';
import { InProcessService } from '../harness';
import { procCpuMs } from './reads';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const log = (msg: string) => process.stdout.write(`${msg}\n`);
const ORG = 'bench-org';
const SITES = 300;
const MONTHS = 24;
/** CPU ms of every postgres process on this machine (the rebuild uses several connections). */
async function postgresCpuMs(): Promise<number> {
  const { readdirSync } = await import('node:fs');
  let total = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim().startsWith('postgres')) total += procCpuMs(Number(pid));
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

interface Timing {
  p50: number;
  p95: number;
  nodeCpu: number;
  pgCpu: number;
}

/** Runs `fn` `runs` times after one warm-up: wall p50/p95, and CPU ms per call of this process and the PG backend. */
async function measure(runs: number, pgPid: number, fn: () => Promise<unknown>): Promise<Timing> {
  await fn();
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  const pg0 = procCpuMs(pgPid);
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  const cpu = process.cpuUsage(cpu0);
  const pg = procCpuMs(pgPid) - pg0;
  times.sort((a, b) => a - b);
  return {
    p50: times[Math.floor(runs / 2)],
    p95: times[Math.min(runs - 1, Math.floor(runs * 0.95))],
    nodeCpu: (cpu.user + cpu.system) / 1000 / runs,
    pgCpu: pg / runs,
  };
}
const show = (t: Timing) =>
  `p50 ${t.p50.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms; CPU per call: node ${t.nodeCpu.toFixed(1)} ms, postgres ${t.pgCpu.toFixed(1)} ms`;

const month = (i: number) => {
  const d = new Date(Date.UTC(2025, i, 1));
  return d.toISOString().slice(0, 7);
};

/** Complaints from+1 .. to, with every fact the projection keeps for them (one statement per table). */
export async function load(svc: InProcessService, from: number, to: number): Promise<void> {
  const series = `select g, 's' || (g % ${SITES}) as site, 's' || (g % ${SITES}) || '-a' || (g % 3) as area,
      to_char(date '2025-01-01' + ((g / ${SITES}) % ${MONTHS}) * interval '1 month' + ((g % 28)) * interval '1 day', 'YYYY-MM-DD') as day
    from generate_series(${from + 1}, ${to}) g`;
  const cats = `(array['EQUIPMENT','BUILDING','FIT_OUT','FEES','SERVICE_ATTITUDE','NOISE','HYGIENE','PARKING'])[(g % 8) + 1]`;
  const depts = `(array['ENGINEERING','ENGINEERING','ENGINEERING','FINANCE','QUALITY','SECURITY','CLEANING','SECURITY'])[(g % 8) + 1]`;
  const causes = `(array['DESIGN_DEFECT','CONSTRUCTION_QUALITY','EQUIPMENT_FAILURE','STAFF_CONDUCT','PROCESS_GAP','THIRD_PARTY','CUSTOMER_MISUNDERSTANDING','OTHER'])[(g % 8) + 1]`;
  await svc.sql(`insert into complaint_fact (complaint_id, org_id, site_id, area_id, customer_id, month, day, week, received_at, valid, category, severity, channel,
      lead_department, resolved_at_intake, repeat, resolved_at, closed_at, rounds, plan_minutes, resolve_minutes, cause)
    select 'c' || g, '${ORG}', site, area, 'cust' || (g % ${Math.max(1, Math.floor(to * 0.7))}), substr(day, 1, 7), day,
      to_char(date_trunc('week', day::date), 'YYYY-MM-DD'), day || 'T02:00:00.000Z', g % 20 <> 0, ${cats},
      case when g % 10 = 0 then 'MAJOR' else 'MINOR' end, (array['PHONE','WECHAT','VISIT','APP','LETTER'])[(g % 5) + 1], ${depts},
      g % 15 = 0, g % 50 = 0, case when g % 8 <> 0 then day || 'T20:00:00.000Z' end, case when g % 4 = 0 then day || 'T23:00:00.000Z' end,
      case when g % 40 = 0 then 2 else 1 end, 20 + g % 60, case when g % 8 <> 0 then 1080 end, case when g % 8 <> 0 then ${causes} end
    from (${series}) s`);
  await svc.sql(`insert into complaint_department_fact (complaint_id, department, org_id, site_id, area_id, month, lead, valid)
    select 'c' || g, ${depts}, '${ORG}', site, area, substr(day, 1, 7), true, g % 20 <> 0 from (${series}) s
    union all select 'c' || g, 'QUALITY', '${ORG}', site, area, substr(day, 1, 7), false, g % 20 <> 0 from (${series}) s where g % 5 = 0 and g % 8 <> 4`);
  await svc.sql(`insert into work_order_fact (work_order_id, complaint_id, org_id, site_id, area_id, month, severity, category, department, lead, status, round, revision,
      escalation_level, escalations, extensions, plan, handler_id, resolved_at, resolution, cause, cause_analysis, corrective_action_report, closed_at)
    select 'w' || g, 'c' || g, '${ORG}', site, area, substr(day, 1, 7), case when g % 10 = 0 then 'MAJOR' else 'MINOR' end, ${cats}, ${depts}, true,
      case when g % 8 <> 0 then 'RESOLVED' else 'IN_PROGRESS' end, case when g % 40 = 0 then 2 else 1 end, 5,
      case when g % 25 = 0 then 'DEPARTMENT_HEAD' else 'HANDLER' end, case when g % 25 = 0 then 1 else 0 end, case when g % 30 = 0 then 1 else 0 end,
      'plan ' || g, 'staff' || (g % 97), case when g % 8 <> 0 then day || 'T20:00:00.000Z' end, case when g % 8 <> 0 then 'done' end,
      case when g % 8 <> 0 then ${causes} end, null, case when g % 10 = 0 and g % 8 <> 0 then 'corrective action ' || g end, null
    from (${series}) s where g % 20 <> 0 and g % 15 <> 0`);
  for (const [i, clock] of ['PLAN', 'REPLY', 'FEEDBACK'].entries()) {
    await svc.sql(`insert into deadline_fact (work_order_id, round, clock, complaint_id, org_id, site_id, area_id, month, day, week, category, department,
        due_at, met_at, breached_at, outcome)
      select 'w' || g, 1, '${clock}', 'c' || g, '${ORG}', site, area, substr(day, 1, 7), day, to_char(date_trunc('week', day::date), 'YYYY-MM-DD'), ${cats}, ${depts},
        day || 'T03:00:00.000Z', case when (g + ${i}) % 7 <> 0 then day || 'T02:50:00.000Z' end, case when (g + ${i}) % 7 in (0, 3) then day || 'T03:00:00.000Z' end,
        case when (g + ${i}) % 7 = 0 then 'BREACHED' when (g + ${i}) % 7 = 3 then 'MET_LATE' when g % 8 = 0 and (g + ${i}) % 2 = 0 then 'OPEN' else 'MET_ON_TIME' end
      from (${series}) s where g % 20 <> 0 and g % 15 <> 0`);
  }
  await svc.sql(`insert into escalation_fact (event_id, complaint_id, work_order_id, org_id, site_id, area_id, month, to_level, clock, at)
    select 'e' || g, 'c' || g, 'w' || g, '${ORG}', site, area, substr(day, 1, 7), '${EscalationLevel.DEPARTMENT_HEAD}', 'REPLY', day || 'T03:00:00.000Z'
    from (${series}) s where g % 25 = 0 and g % 20 <> 0 and g % 15 <> 0`);
  await svc.sql(`insert into callback_fact (callback_id, case_id, kind, org_id, site_id, area_id, month, day, week, round, status, due_at, resolved_at, completed_at, satisfaction)
    select 'cb' || g, 'c' || g, 'COMPLAINT', '${ORG}', site, area, substr(day, 1, 7), day, to_char(date_trunc('week', day::date), 'YYYY-MM-DD'), 1,
      case when g % 11 = 0 then 'OPEN' when g % 13 = 0 then 'UNREACHABLE' else 'DONE' end, day || 'T23:00:00.000Z', day || 'T20:00:00.000Z',
      case when g % 11 <> 0 and g % 13 <> 0 then day || 'T22:00:00.000Z' end,
      case when g % 11 <> 0 and g % 13 <> 0 then (array['VERY_SATISFIED','SATISFIED','SATISFIED','BASICALLY_SATISFIED','DISSATISFIED'])[(g % 5) + 1] end
    from (${series}) s where g % 20 <> 0 and g % 8 <> 0`);
  await svc.sql(`insert into penalty_fact (penalty_id, org_id, site_id, month, work_order_id, contractor, failure, at, amount_yuan)
    select 'p' || g, '${ORG}', site, substr(day, 1, 7), 'w' || g, 'contractor', 'NO_SHOW', day || 'T05:00:00.000Z', 5000 + g % 5000 from (${series}) s where g % 500 = 0`);
  await svc.sql(`insert into emergency_fact (emergency_id, org_id, site_id, month, work_order_id, reported_at)
    select 'em' || g, '${ORG}', site, substr(day, 1, 7), null, day || 'T05:00:00.000Z' from (${series}) s where g % 700 = 0`);
}

async function publishEvents(svcNamespace: string, url: string, complaints: number): Promise<number> {
  const nc = await connect({ servers: url });
  await ensureStream(nc, { url, namespace: svcNamespace, service: 'bench' });
  const js = nc.jetstream();
  const codec = StringCodec();
  let pending: Promise<unknown>[] = [];
  let n = 0;
  const send = async <T extends object>(contract: EventContract<T>, payload: T & { orgId: string }, at: Date) => {
    const id = `ev-${n++}`;
    const env = envelopeFor(contract, payload, id, at, { actor: 'bench' });
    pending.push(js.publish(wireSubject(svcNamespace, contract.subject), codec.encode(JSON.stringify(env)), { msgID: id }));
    if (pending.length >= 2000) {
      await Promise.all(pending);
      pending = [];
    }
  };
  for (let g = 1; g <= complaints; g++) {
    const site = `s${g % SITES}`;
    const base = { orgId: ORG, siteId: site, complaintId: `rc${g}` };
    const at = new Date(Date.UTC(2025, g % MONTHS, 1 + (g % 28), 2));
    const iso = (h: number) => new Date(at.getTime() + h * 3_600_000).toISOString();
    const deadlines = [
      { clock: SlaClock.PLAN, dueAt: iso(1), metAt: iso(0.5), round: 1 },
      { clock: SlaClock.REPLY, dueAt: iso(2), metAt: iso(1.5), round: 1 },
    ];
    await send(
      ComplaintFiled,
      {
        ...base,
        areaId: `${site}-a${g % 3}`,
        customerId: `cust${g % 5000}`,
        channel: Channel.PHONE,
        category: Category.EQUIPMENT,
        severity: Severity.MINOR,
        circumstances: [],
        serious: false,
        urgent: false,
        departments: [Department.ENGINEERING],
        receivedAt: iso(0),
        receivedBy: 'desk',
        replyDueAt: iso(2),
        timeZone: 'Asia/Shanghai',
      },
      at,
    );
    const wo = { ...base, workOrderId: `rw${g}`, department: Department.ENGINEERING };
    await send(
      WorkOrderCreated,
      { ...wo, lead: true, createdAt: iso(0), deadlines: deadlines.map(({ clock, dueAt }) => ({ clock, dueAt })) },
      at,
    );
    await send(
      WorkOrderRecorded,
      {
        ...wo,
        lead: true,
        step: WorkOrderStep.PLAN_SIGNED_OFF,
        status: WorkOrderStatus.PLANNED,
        round: 1,
        revision: 1,
        escalationLevel: EscalationLevel.HANDLER,
        at: iso(0.5),
        plan: 'fix it',
        planSignedOffAt: iso(0.5),
        progress: [],
        extensions: [],
        deadlines,
      },
      new Date(iso(0.5)),
    );
    await send(WorkOrderResolved, { ...wo, resolvedAt: iso(5), cause: CauseCategory.EQUIPMENT_FAILURE, deadlines }, new Date(iso(5)));
    await send(
      ComplaintResolved,
      {
        ...base,
        severity: Severity.MINOR,
        category: Category.EQUIPMENT,
        resolvedAt: iso(5),
        resolvedBy: 'eng',
        takenBy: 'desk',
        atIntake: false,
      },
      new Date(iso(5)),
    );
    const cb = { ...base, callbackId: `rcb${g}`, kind: CallbackKind.COMPLAINT };
    await send(
      CallbackScheduled,
      { ...cb, dueAt: iso(29), assignee: 'desk', resolvedAt: iso(5), timeZone: 'Asia/Shanghai', round: 1 },
      new Date(iso(5)),
    );
    await send(CallbackCompleted, { ...cb, completedAt: iso(8), satisfaction: Satisfaction.SATISFIED, onTime: true }, new Date(iso(8)));
  }
  await Promise.all(pending);
  await nc.close();
  return n;
}

async function main(): Promise<void> {
  const sizes = arg('sizes', '10000,100000,1000000').split(',').map(Number);
  const runs = Number(arg('runs', '15'));
  const rebuildComplaints = Number(arg('rebuild-complaints', '20000'));
  log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  const svc = await InProcessService.create({ def: ANALYTICS, module: () => ({ module: class {} }) }, { env: { LOG_LEVEL: 'warn' } });
  const options = ormOptions(subgraphPersistence(ANALYTICS, svc.config));
  const orm = await MikroORM.init({ ...options, pool: { min: 1, max: 1 } });
  const db = knexOf(orm);
  const pgPid = Number((await db.raw<{ rows: { pid: number }[] }>('select pg_backend_pid() as pid')).rows[0].pid);
  const reader = new ReportReader(db);
  const kpis = new KpiQueries(orm);
  const analyst = { sub: 'bench', org: ORG, sites: ['*'], roles: [] };
  const now = new Date('2027-01-15T00:00:00Z');
  const target = month(12); // 2026-01, a full month in the middle of the two years
  try {
    let loaded = 0;
    for (const size of sizes) {
      let t = performance.now();
      await load(svc, loaded, size);
      const loadS = (performance.now() - t) / 1000;
      t = performance.now();
      const store = new ReadModelStore(db);
      const keys = await store.allSiteMonths();
      await store.refresh(keys);
      const aggS = (performance.now() - t) / 1000;
      await db.raw('analyze');
      loaded = size;
      const facts = Number(
        (await db.raw<{ rows: { n: string }[] }>(`select count(*) as n from complaint_fact where month = ?`, [target])).rows[0].n,
      );
      log(
        `\n${size.toLocaleString('en-US')} complaints (${facts.toLocaleString('en-US')} in ${target}): loaded in ${loadS.toFixed(1)} s; the projection's aggregation of ${keys.length} site-months in ${aggS.toFixed(1)} s`,
      );
      const group = await measure(runs, pgPid, async () =>
        buildMonthlyReport({ ...(await reader.read({ orgId: ORG }, target, now)), siteId: null }),
      );
      const site = await measure(runs, pgPid, async () =>
        buildMonthlyReport({ ...(await reader.read({ orgId: ORG, sites: ['s7'] }, target, now)), siteId: 's7' }),
      );
      const area = await measure(runs, pgPid, async () =>
        buildMonthlyReport({ ...(await reader.read({ orgId: ORG, sites: ['s7'], areaId: 's7-a1' }, target, now)), siteId: 's7' }),
      );
      log(`  monthly report, group (${SITES} sites): ${show(group)}`);
      log(`  monthly report, one site:           ${show(site)}`);
      log(`  monthly report, one area:           ${show(area)}`);
      const kpiMonth = await measure(Math.max(3, Math.floor(runs / 3)), pgPid, () =>
        kpis.kpis(analyst, { from: '2025-01-01', to: '2026-12-31', bucket: KpiBucket.MONTH }),
      );
      const kpiDay = await measure(Math.max(3, Math.floor(runs / 3)), pgPid, () =>
        kpis.kpis(analyst, { from: '2026-01-01', to: '2026-03-31', bucket: KpiBucket.DAY }),
      );
      log(`  KPIs, group, 24 months by MONTH:    ${show(kpiMonth)}`);
      log(`  KPIs, group, 90 days by DAY:        ${show(kpiDay)}`);
    }

    log(`\nrebuild: publishing ${rebuildComplaints.toLocaleString('en-US')} complaints' events (7 each) to the stream ...`);
    const published = await publishEvents(svc.config.NATS_NAMESPACE, svc.config.NATS_URL, rebuildComplaints);
    const nc = await connect({ servers: svc.config.NATS_URL });
    try {
      const t = performance.now();
      const consumer = await nc.jetstream().consumers.get(streamName(svc.config.NATS_NAMESPACE));
      const messages = await consumer.consume({ max_messages: 4000 });
      let seen = 0;
      for await (const m of messages) {
        seen++;
        if (m.info.pending === 0) break;
      }
      const raw = seen / ((performance.now() - t) / 1000);
      log(
        `  JetStream alone (ordered consumer, counting only): ${seen.toLocaleString('en-US')} messages at ${Math.round(raw).toLocaleString('en-US')}/s`,
      );
      // the rebuild as `npm run analytics:rebuild` runs it: its own pool (it overlaps writes with reading and folding)
      const rebuildOrm = await MikroORM.init({ ...options, pool: { min: 1, max: 4 } });
      const pgBefore = await postgresCpuMs();
      const cpu0 = process.cpuUsage();
      const r = await rebuildReadModel(knexOf(rebuildOrm), nc, svc.config.NATS_NAMESPACE, { batch: 2000 });
      const cpu = process.cpuUsage(cpu0);
      const pgUsed = (await postgresCpuMs()) - pgBefore;
      await rebuildOrm.close();
      log(
        `  analytics:rebuild: ${r.events.toLocaleString('en-US')} of ${published.toLocaleString('en-US')} events, ${r.cases.toLocaleString('en-US')} cases, ${r.siteMonths} site-months in ${r.seconds.toFixed(1)} s = ${Math.round(r.eventsPerSecond).toLocaleString('en-US')} events/s` +
          ` (replay ${r.phases.replay.toFixed(1)} s, fold ${r.phases.fold.toFixed(1)} s, aggregate ${r.phases.aggregate.toFixed(1)} s; CPU: node ${((cpu.user + cpu.system) / 1000 / 1000).toFixed(1)} s, all postgres processes ${(pgUsed / 1000).toFixed(1)} s; ${(r.eventsPerSecond / raw).toFixed(2)}× of JetStream alone)`,
      );
    } finally {
      await nc.close();
    }
  } finally {
    await orm.close();
    await svc.close();
  }
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`bench:analytics failed: ${e?.stack ?? e}\n`);
    process.exit(1);
  });
}
