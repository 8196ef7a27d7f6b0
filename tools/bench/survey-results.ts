/**
 * Benchmark (not a test): `surveyResults` of an organisation-wide annual survey (issue 31: 100,000
 * answers over 200 sites, ≤ 200 ms at the analytics subgraph).
 *
 *   npm run bench:survey-results -- [--sites 200] [--answers 100000] [--questions 10] [--seconds 8] [--concurrency 1]
 *
 * Starts the system as the tests do (analytics in its own process, a fresh PostgreSQL database),
 * writes the campaign into analytics' read model through the projection's own path (`applyEvents`:
 * one `survey.opened` per site, `--answers` `survey.answered` spread over the sites, each answering
 * `--questions` questions: all on the four levels but one choice and one in words), runs `analyze`,
 * then asks analytics directly for one site's results (every field, with the group of all sites)
 * and prints requests/s, p50/p99 latency and the analytics process's CPU per request (/proc).
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import knexFactory, { type Knex } from 'knex';
import { Role, Satisfaction } from '@pc/contracts';
import { applyEvents, type IncomingEvent } from '@pc/analytics';
import { System } from '../system';
import { drive } from './reads';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const log = (msg: string) => process.stdout.write(`${msg}\n`);
const ORG = 'bench-org';
const GROUP = 'bench-annual-2026';
const LEVELS = [Satisfaction.VERY_SATISFIED, Satisfaction.SATISFIED, Satisfaction.BASICALLY_SATISFIED, Satisfaction.DISSATISFIED];
const OPTIONS = ['保洁', '安保', '绿化', '维修'];

export const RESULTS_QUERY = `query($s: ID!) { surveyResults(surveyId: $s) {
  surveyId siteId kind period sampleSize responses responseRate index { answers share score }
  previous { period shareChange scoreChange }
  questions { question text kind category verySatisfied satisfied basicallySatisfied dissatisfied index { share score } choices { option count } }
  areas { areaId responses index { share score } } texts { category count answers }
  dissatisfied { responseId question customerId areaId followUp { id } }
  group { groupId sampleSize responses responseRate index { share score } sites { siteId responses responseRate index { share score } } } } }`;

function event(subject: string, siteId: string, at: string, payload: Record<string, unknown>): IncomingEvent {
  return { eventId: randomUUID(), subject, version: 1, orgId: ORG, siteId, occurredAt: at, actor: 'bench', channel: null, payload };
}

async function load(db: Knex, sites: number, answers: number, questions: number): Promise<void> {
  const siteIds = Array.from({ length: sites }, (_, i) => `bench-site-${String(i + 1).padStart(3, '0')}`);
  const items = Array.from({ length: questions }, (_, q) =>
    q === questions - 1
      ? { text: '其他意见和建议', kind: 'TEXT', category: '建议' }
      : q === questions - 2
        ? { text: '最希望改进哪一项？', kind: 'CHOICE', options: OPTIONS }
        : { text: `问题 ${q + 1}`, kind: 'SCALE', category: ['保洁', '安保', '维修', '绿化'][q % 4] },
  );
  const opened = siteIds.map((siteId) =>
    event('survey.opened', siteId, '2026-11-01T00:00:00.000Z', {
      orgId: ORG,
      siteId,
      surveyId: `survey-${siteId}`,
      groupId: GROUP,
      kind: 'ANNUAL_SURVEY',
      period: '2026',
      questions: items,
      sampleSize: Math.ceil((answers / sites) * 1.25),
      openedAt: '2026-11-01T00:00:00.000Z',
    }),
  );
  await applyEvents(db, opened);
  const started = performance.now();
  const BATCH = 1000;
  for (let done = 0; done < answers; done += BATCH) {
    const batch: IncomingEvent[] = [];
    for (let k = done; k < Math.min(answers, done + BATCH); k++) {
      const siteId = siteIds[k % sites];
      const level = (q: number) => LEVELS[(k * 7 + q * 3) % 11 < 4 ? 0 : (k * 7 + q * 3) % 11 < 8 ? 1 : (k * 7 + q * 3) % 11 < 10 ? 2 : 3];
      type Item = { question: number; kind: string; satisfaction?: Satisfaction; choice?: string; text?: string; followUpId?: string };
      const answered = items.map((it, q): Item =>
        it.kind === 'SCALE'
          ? {
              question: q,
              kind: 'SCALE',
              satisfaction: level(q),
              ...(level(q) === Satisfaction.DISSATISFIED ? { followUpId: `f-${k}-${q}` } : {}),
            }
          : it.kind === 'CHOICE'
            ? { question: q, kind: 'CHOICE', choice: OPTIONS[k % OPTIONS.length] }
            : { question: q, kind: 'TEXT', text: `第 ${k} 位住户的意见` },
      );
      const at = new Date(Date.parse('2026-11-02T00:00:00.000Z') + k * 20_000).toISOString();
      batch.push(
        event('survey.answered', siteId, at, {
          orgId: ORG,
          siteId,
          surveyId: `survey-${siteId}`,
          responseId: `r-${k}`,
          surveyKind: 'ANNUAL_SURVEY',
          period: '2026',
          answers: answered.filter((a) => a.satisfaction).map((a) => a.satisfaction),
          followUps: answered.filter((a) => a.followUpId).length,
          answeredAt: at,
          items: answered,
          groupId: GROUP,
          customerId: `c-${k}`,
          areaId: `${siteId}-area-${k % 3}`,
          customerKind: k % 4 === 0 ? 'TENANT' : 'OWNER',
        }),
      );
    }
    await applyEvents(db, batch);
    if ((done / BATCH) % 10 === 0) {
      const n = Math.min(answers, done + BATCH);
      log(
        `  loaded ${n.toLocaleString('en')} of ${answers.toLocaleString('en')} answers (${Math.round(n / ((performance.now() - started) / 1000))}/s)`,
      );
    }
  }
  await db.raw('analyze');
}

async function main(): Promise<void> {
  const sites = Number(arg('sites', '200'));
  const answers = Number(arg('answers', '100000'));
  const questions = Number(arg('questions', '10'));
  const seconds = Number(arg('seconds', '8'));
  const concurrency = Number(arg('concurrency', '1'));
  log(`survey results bench: ${sites} sites, ${answers.toLocaleString('en')} answers × ${questions} questions; ${cpus().length} cores`);
  const system = await System.start({ gateway: false });
  const db = knexFactory({ client: 'pg', connection: system.env.ANALYTICS_DATABASE_URL, pool: { min: 1, max: 2 } });
  try {
    const t0 = performance.now();
    await load(db, sites, answers, questions);
    const rows = await db('survey_answer_fact').count({ n: '*' });
    log(`loaded in ${((performance.now() - t0) / 1000).toFixed(0)} s: ${Number(rows[0].n).toLocaleString('en')} answered questions`);
    const token = system.token({ sub: 'bench-quality', org: ORG, sites: ['*'], roles: [Role.QUALITY] });
    const body = JSON.stringify({ query: RESULTS_QUERY, variables: { s: 'survey-bench-site-001' } });
    const check = await (
      await fetch(system.urls.analytics, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
      })
    ).json();
    if (check.errors) throw new Error(JSON.stringify(check.errors));
    const r = check.data.surveyResults;
    log(
      `one answer: ${r.responses} responses at the site, group ${r.group.responses.toLocaleString('en')} over ${r.group.sites.length} sites, index ${JSON.stringify(r.group.index)}`,
    );
    const res = await drive(system.urls.analytics, token, body, seconds, concurrency, { analytics: system.pid('analytics')! });
    log(
      `surveyResults at analytics: ${res.perSecond.toFixed(1)}/s, p50 ${res.p50.toFixed(1)} ms, p99 ${res.p99.toFixed(1)} ms, ` +
        `analytics CPU ${res.cpuPerRequest.analytics.toFixed(1)} ms per request (${res.requests} requests, ${res.errors} errors, concurrency ${concurrency})`,
    );
  } finally {
    await db.destroy();
    await system.close();
  }
}

main().catch((e) => {
  process.stderr.write(`${e?.stack ?? e}\n`);
  process.exit(1);
});
