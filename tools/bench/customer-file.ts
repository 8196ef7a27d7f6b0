/**
 * Benchmark (not a test): `customerFile` of a customer with a long history, through the gateway,
 * with per-process CPU from /proc (issue 30: ≤ 5 ms of CPU summed over the services, p99 ≤ 50 ms).
 *
 *   npm run bench:customer-file -- [--complaints 200] [--services 200] [--claims 100] [--surveys 100]
 *                                  [--newest 20] [--seconds 8] [--concurrency 2] [--rounds 4] [--runtime dist|ts] [--development]
 *
 * Starts a whole system as the tests do (the compiled build by default, services as deployed), gives
 * demo-customer-1 `--complaints` complaints answered on the spot (each owes a callback, so as many
 * callbacks follow), `--services` repairs, `--claims` claims and `--surveys` survey answers, then asks
 * for the whole file (every list with its fields, callbacks and survey answers from the callback
 * service) with `--concurrency` requests in flight and prints requests/s, p50/p99 and the CPU
 * milliseconds per request of intake and callback (the subgraphs it reads). Each request also logs the opening.
 */
import 'reflect-metadata';
import { cpus } from 'node:os';
import { DEMO_DATASET, DEMO_USERS } from '@pc/intake';
import { System, eventually } from '../system';
import type { Runtime } from '../process-command';
import { deployment } from './deployed';
import { drive, inTurns } from './reads';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const log = (msg: string) => process.stdout.write(`${msg}\n`);
const CUSTOMER = 'demo-customer-1';

export const FILE_QUERY = `query($c: ID!, $n: Int) { customerFile(customerId: $c, newest: $n) {
  customerId customer { id name phone kind siteId unitId }
  units { id unitId unitName role movedInOn movedOutOn }
  complaints { id siteId status severity category channel description receivedAt keyCustomer }
  serviceRequests { id siteId kind department status description receivedAt completedAt chargedYuan }
  claims { id complaintId description amountClaimedYuan decision amountAwardedYuan claimedAt paidAt }
  callbacks { id caseId kind status satisfaction dueAt resolvedAt }
  surveys(newest: $n) { surveyId kind period at answers { question text satisfaction comment } }
  keyCustomer { reasons } retention { holdsUnit keptUntil } } }`;

async function seed(system: System, n: { complaints: number; services: number; claims: number; surveys: number }): Promise<void> {
  const user = (sub: string) => system.token(DEMO_USERS.find((u) => u.sub === sub)!);
  const desk = user('demo-front-desk');
  const admin = user('demo-admin');
  const ok = async (t: string, q: string, v: Record<string, unknown>) => {
    const r = await system.graphql(t, q, v);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data as Record<string, { id: string }>;
  };
  const categories = ['EQUIPMENT', 'NOISE', 'HYGIENE', 'PARKING', 'GREENERY', 'FEES', 'ACCESS', 'WASTE'];
  for (let i = 0; i < n.complaints; i++) {
    await ok(desk, `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id } }`, {
      i: {
        siteId: 'demo-site-1',
        unitId: 'demo-site-1-unit-101',
        customerId: CUSTOMER,
        channel: 'PHONE',
        category: categories[i % categories.length],
        description: `Case ${i}: the matter as the customer put it, in a sentence or two of ordinary length.`,
        resolution: 'Answered on the spot.',
        receivedAt: new Date(Date.now() - (i + 1) * 3_600_000).toISOString(),
      },
    });
  }
  for (let i = 0; i < n.services; i++) {
    await ok(desk, `mutation($i: RequestServiceInput!) { requestService(input: $i) { id } }`, {
      i: { kind: 'REPAIR', siteId: 'demo-site-1', customerId: CUSTOMER, channel: 'WECHAT', description: `Repair ${i}: the tap leaks.` },
    });
  }
  for (let i = 0; i < n.claims; i++) {
    await ok(desk, `mutation($i: RecordClaimInput!) { recordClaim(input: $i) { id } }`, {
      i: { customerId: CUSTOMER, description: `Claim ${i}: water damage to the ceiling.`, amountClaimedYuan: 100 + i },
    });
  }
  // a customer answers a survey once: one survey per answer
  for (let k = 0; k < n.surveys; k++) {
    const survey = await ok(admin, `mutation($i: CreateSurveyInput!) { createSurvey(input: $i) { id } }`, {
      i: {
        siteId: 'demo-site-1',
        kind: 'MONTHLY_VISIT',
        period: `${2016 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`,
        questions: ['Cleaning?', 'Security?'],
      },
    });
    await ok(admin, `mutation($i: RecordSurveyResponseInput!) { recordSurveyResponse(input: $i) { id } }`, {
      i: {
        surveyId: survey.createSurvey.id,
        customerId: CUSTOMER,
        answers: [
          { question: 0, satisfaction: 'SATISFIED' },
          { question: 1, satisfaction: 'VERY_SATISFIED', comment: 'Fine.' },
        ],
      },
    });
  }
  await eventually(
    async () => Number((await system.sql<{ n: string }>('callback', 'select count(*) as n from callback'))[0].n) >= n.complaints,
    120_000,
    'the callbacks of the complaints answered on the spot',
  );
}

async function main(): Promise<void> {
  const n = {
    complaints: Number(arg('complaints', '200')),
    services: Number(arg('services', '200')),
    claims: Number(arg('claims', '100')),
    surveys: Number(arg('surveys', '100')),
  };
  const seconds = Number(arg('seconds', '8'));
  const concurrency = Number(arg('concurrency', '2'));
  const rounds = Number(arg('rounds', '4'));
  const runtime = arg('runtime', 'dist') as Runtime;
  const { production, env } = deployment();
  log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; ${seconds} s in ${rounds} turns, ${concurrency} in flight; ${runtime}, NODE_ENV=${production ? 'production' : 'development'}`,
  );
  const system = await System.start({ env: env(), runtime });
  try {
    await system.seedRegistry(DEMO_DATASET);
    const started = Date.now();
    await seed(system, n);
    log(
      `seeded in ${((Date.now() - started) / 1000).toFixed(0)} s: ${n.complaints} complaints (and as many callbacks), ${n.services} repairs, ${n.claims} claims, ${n.surveys} survey answers`,
    );
    const token = system.token(DEMO_USERS.find((u) => u.sub === 'demo-complaint-rep')!);
    const newest = Number(arg('newest', '20'));
    const variants = { whole: { c: CUSTOMER }, [`newest ${newest}`]: { c: CUSTOMER, n: newest } } as Record<
      string,
      Record<string, unknown>
    >;
    for (const [name, variables] of Object.entries(variants)) {
      const check = (await system.graphql(token, FILE_QUERY, variables)).data as { customerFile: Record<string, unknown[]> };
      const sizes = ['complaints', 'serviceRequests', 'claims', 'callbacks', 'surveys'].map((k) => `${k} ${check.customerFile[k].length}`);
      log(`one file (${name}): ${sizes.join(', ')}; ${Buffer.byteLength(JSON.stringify(check))} bytes of JSON`);
    }
    // the harness's gateway runs in this process, beside the load: its CPU is not told apart here (bench:gateway measures it)
    const pids = { intake: system.pid('intake')!, callback: system.pid('callback')! };
    const runs = await inTurns(
      rounds,
      Object.fromEntries(
        Object.entries(variants).map(([name, variables]) => [
          name,
          () => drive(system.gatewayUrl, token, JSON.stringify({ query: FILE_QUERY, variables }), seconds / rounds, concurrency, pids),
        ]),
      ),
    );
    log('\n| file | requests/s | p50 ms | p99 ms | CPU ms/request: intake | callback | intake + callback | errors |');
    log('|---|---|---|---|---|---|---|---|');
    for (const [name, r] of Object.entries(runs)) {
      const cpu = r.cpuPerRequest;
      log(
        `| ${name} | ${r.perSecond.toFixed(1)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${cpu.intake.toFixed(2)} | ${cpu.callback.toFixed(2)} | ${(cpu.intake + cpu.callback).toFixed(2)} | ${r.errors} |`,
      );
    }
  } finally {
    await system.close();
  }
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`bench:customer-file failed: ${e?.stack ?? e}\n`);
    process.exit(1);
  });
}
