import { DEMO_DATASET, DEMO_USERS } from '@pc/intake';
import { System, eventually } from '@pc/system';
import { annualRules } from './surveys/annual';
import { resultsRules } from './surveys/results';
import { qualityRules } from './surveys/quality';
import type { SurveysWorld } from './surveys/world';
import { ok } from './work-order-steps';

/**
 * Issue 31, survey campaigns: questionnaires with versions, a campaign's sample drawn once (seeded,
 * stratified by area and owner/tenant, leaving out recent answerers), answers recorded by staff with
 * every refusal the issue lists, and the results from analytics (response rate, index, per question,
 * area and site, free text by category, dissatisfied items with callback's follow-up plans through
 * federation, the change against the previous campaign). Real: every subgraph process, the gateway,
 * PostgreSQL and NATS JetStream. Mocked: nothing.
 */
let system: System;
const token = (sub: string) => system.token(DEMO_USERS.find((u) => u.sub === sub)!);
const gql = (t: string, q: string, v?: Record<string, unknown>) => system.graphql(t, q, v);
const errorOf = (r: { errors?: any[] }) => r.errors?.[0]?.extensions;
let quality: string;
let desk: string;
const SITE = 'demo-site-1';
const UNIT_A = 'demo-site-1-unit-101';
const UNIT_B = 'demo-site-1-unit-502';
const AREA_A = 'demo-site-1-area-a';
const AREA_B = 'demo-site-1-area-b';
const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

/** Site 1's customers beside the demo's two (A: owner 李伟, B: tenant 张敏): A 5 owners + 2 tenants, B 4 owners + 1 tenant. */
const EXTRA = [
  ...[1, 2, 3, 4].map((i) => ({ id: `sv-a-own-${i}`, kind: 'OWNER', unitId: UNIT_A })),
  ...[1, 2].map((i) => ({ id: `sv-a-ten-${i}`, kind: 'TENANT', unitId: UNIT_A })),
  ...[1, 2, 3, 4].map((i) => ({ id: `sv-b-own-${i}`, kind: 'OWNER', unitId: UNIT_B })),
];

const QUESTIONS = [
  { text: '您对小区保洁是否满意？', kind: 'SCALE', category: '保洁' },
  { text: '您最希望改进哪一项？', kind: 'CHOICE', options: ['保洁', '安保', '绿化'] },
  { text: '其他意见和建议', kind: 'TEXT', category: '建议' },
];
const SURVEY = `id siteId kind period status groupId questionnaireId sampleSize responses responseRate items { text kind options category }
  sampleRule { mode size stratify excludeSurveyedWithinDays seed }`;

const launch = (t: string, input: Record<string, unknown>) =>
  gql(t, `mutation($i: LaunchSurveyInput!) { launchSurveyCampaign(input: $i) { ${SURVEY} } }`, { i: input });
const answer = (t: string, input: Record<string, unknown>) =>
  gql(t, `mutation($i: RecordSurveyResponseInput!) { recordSurveyResponse(input: $i) { id responses responseRate } }`, { i: input });
const sample = async (surveyId: string, unanswered = false) =>
  ok(
    gql(quality, `query($s: ID!, $u: Boolean) { surveySample(surveyId: $s, unanswered: $u) { customerId areaId kind answeredAt } }`, {
      s: surveyId,
      u: unanswered,
    }),
  );
/** A full answer: question 0 on the four levels, 1 an option, 2 in words. */
const answers = (level: string, choice = '保洁', words = '希望增加垃圾桶') => [
  { question: 0, satisfaction: level },
  { question: 1, choice },
  { question: 2, comment: words },
];
const followUp = (question = 0) => [{ question, plan: '加强保洁巡查', ownerId: 'demo-site-head', dueAt: inAWeek() }];
let questionnaireId: string;
/** The rule files' view of this spec (e2e/surveys/*.ts). */
const world: SurveysWorld = {
  get system() {
    return system;
  },
  get quality() {
    return quality;
  },
  get desk() {
    return desk;
  },
  get questionnaireId() {
    return questionnaireId;
  },
  launch: (t, input) => launch(t, input),
  answer: (t, input) => answer(t, input),
  answers: (level, choice, words) => answers(level, choice, words),
  followUp: (question) => followUp(question),
};

beforeAll(async () => {
  system = await System.start();
  await system.seedRegistry(DEMO_DATASET);
  quality = token('demo-quality');
  desk = token('demo-front-desk');
  for (const c of EXTRA) {
    await ok(
      gql(desk, `mutation($i: SaveCustomerInput!) { saveCustomer(input: $i) { id } }`, {
        i: { id: c.id, name: `住户 ${c.id}`, phone: `139${String(EXTRA.indexOf(c)).padStart(8, '0')}`, kind: c.kind, unitId: c.unitId },
      }),
    );
  }
  // callback knows each of site 1's 12 customers with their area and kind (from registry.customer_saved)
  await eventually(
    async () =>
      Number(
        (
          await system.sql<{ n: string }>(
            'callback',
            `select count(*) n from known_customer where site_id = $1 and kind is not null and area_id is not null`,
            [SITE],
          )
        )[0].n,
      ) === 12,
    30_000,
    "callback's directory to know site 1's customers with their area and kind",
  );
}, 180_000);

afterAll(async () => {
  await system?.close();
});

describe('issue 31: questionnaires and survey campaigns', () => {
  it('a questionnaire saved again under its name becomes its next version; a CHOICE question needs options, only it has them', async () => {
    const v1 = await ok(
      gql(
        quality,
        `mutation($i: SaveQuestionnaireInput!) { saveQuestionnaire(input: $i) { id name version questions { text kind options category } } }`,
        {
          i: { name: '月度满意度回访', questions: QUESTIONS },
        },
      ),
    );
    expect(v1).toMatchObject({ name: '月度满意度回访', version: 1 });
    expect(v1.questions[1]).toEqual({ text: '您最希望改进哪一项？', kind: 'CHOICE', options: ['保洁', '安保', '绿化'], category: null });
    const v2 = await ok(
      gql(quality, `mutation($i: SaveQuestionnaireInput!) { saveQuestionnaire(input: $i) { id version } }`, {
        i: { name: '月度满意度回访', questions: QUESTIONS.slice(0, 1) },
      }),
    );
    expect(v2.version).toBe(2);
    const noOptions = await gql(quality, `mutation($i: SaveQuestionnaireInput!) { saveQuestionnaire(input: $i) { id } }`, {
      i: { name: 'x', questions: [{ text: 'Which?', kind: 'CHOICE' }] },
    });
    expect(errorOf(noOptions)).toMatchObject({ code: 'BAD_USER_INPUT' });
    const strayOptions = await gql(quality, `mutation($i: SaveQuestionnaireInput!) { saveQuestionnaire(input: $i) { id } }`, {
      i: { name: 'x', questions: [{ text: 'How?', kind: 'SCALE', options: ['a', 'b'] }] },
    });
    expect(errorOf(strayOptions)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'questions.0.options' });
    const listed = await ok(gql(quality, `{ questionnaires { name version } }`));
    expect(listed.filter((q: { name: string }) => q.name === '月度满意度回访').map((q: { version: number }) => q.version)).toEqual([2, 1]);
    questionnaireId = v1.id;
    // the organisation's own: another organisation lists none of them and cannot open a campaign with one
    const intruder = system.token({ sub: 'intruder', org: 'intruder-org', sites: ['*'], roles: ['QUALITY'] as never });
    expect(await ok(gql(intruder, `{ questionnaires { id } }`))).toEqual([]);
    const borrowed = await launch(intruder, { kind: 'ANNUAL_SURVEY', period: '2026', questionnaireId, sample: { mode: 'ALL' } });
    expect(errorOf(borrowed)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'questionnaireId' });
  });

  it('rule: a sample is drawn once, stratified by area and owner/tenant, and kept; the same seed draws the same customers; one campaign per site, kind and period', async () => {
    const [s] = await ok(
      launch(quality, {
        siteId: SITE,
        kind: 'QUARTERLY_QUESTIONNAIRE',
        period: '2026-Q4',
        questionnaireId,
        sample: { mode: 'COUNT', size: 6, stratify: true, seed: 'fixed' },
      }),
    );
    expect(s).toMatchObject({ status: 'OPEN', sampleSize: 6, responses: 0, responseRate: 0, groupId: null, questionnaireId });
    expect(s.items.map((i: { kind: string }) => i.kind)).toEqual(['SCALE', 'CHOICE', 'TEXT']);
    const drawn = await sample(s.id);
    // 12 customers: A-owners 5, A-tenants 2, B-owners 4, B-tenants 1 → 6 × Nᵢ/12 = 2.5, 1, 2, 0.5 → 3, 1, 2, 0 (ties in stratum order)
    const per = (area: string, kind: string) =>
      drawn.filter((c: { areaId: string; kind: string }) => c.areaId === area && c.kind === kind).length;
    expect([per(AREA_A, 'OWNER'), per(AREA_A, 'TENANT'), per(AREA_B, 'OWNER'), per(AREA_B, 'TENANT')]).toEqual([3, 1, 2, 0]);
    // the next quarter with the same seed draws the same customers (nobody answered in between)
    const [next] = await ok(
      launch(quality, {
        siteId: SITE,
        kind: 'QUARTERLY_QUESTIONNAIRE',
        period: '2027-Q1',
        questionnaireId,
        sample: { mode: 'COUNT', size: 6, stratify: true, seed: 'fixed' },
      }),
    );
    expect((await sample(next.id)).map((c: { customerId: string }) => c.customerId)).toEqual(
      drawn.map((c: { customerId: string }) => c.customerId),
    );
    const again = await launch(quality, {
      siteId: SITE,
      kind: 'QUARTERLY_QUESTIONNAIRE',
      period: '2026-Q4',
      questionnaireId,
      sample: { mode: 'ALL' },
    });
    expect(errorOf(again)).toMatchObject({ code: 'CONFLICT', field: 'period' });
  });

  it('refuses a sample bigger than the population, a site outside the caller, and the whole organisation for anyone but QUALITY; nothing is stored', async () => {
    const before = await system.sql<{ n: string }>('callback', 'select count(*) n from survey');
    const big = await launch(quality, {
      siteId: SITE,
      kind: 'MONTHLY_VISIT',
      period: '2026-10',
      questionnaireId,
      sample: { mode: 'COUNT', size: 13 },
    });
    expect(errorOf(big)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sample.size' });
    expect(big.errors?.[0]?.message).toContain('(12)');
    const siteHead = token('demo-site-head');
    const notGranted = await launch(siteHead, {
      siteId: 'demo-site-2',
      kind: 'MONTHLY_VISIT',
      period: '2026-10',
      questionnaireId,
      sample: { mode: 'ALL' },
    });
    expect(errorOf(notGranted)).toMatchObject({ code: 'FORBIDDEN' });
    const wholeOrg = await launch(siteHead, { kind: 'ANNUAL_SURVEY', period: '2026', questionnaireId, sample: { mode: 'ALL' } });
    expect(errorOf(wholeOrg)).toMatchObject({ code: 'FORBIDDEN' });
    const monthlyForAll = await launch(quality, { kind: 'MONTHLY_VISIT', period: '2026-10', questionnaireId, sample: { mode: 'ALL' } });
    expect(errorOf(monthlyForAll)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'siteId' });
    expect(await system.sql('callback', 'select count(*) n from survey')).toEqual(before);
  });

  it('rule: answers — a closed campaign, a question not in it, a choice not offered, a customer not drawn, a second answer: each refused, the first answer kept; the rate is live', async () => {
    const [s] = await ok(
      launch(quality, {
        siteId: SITE,
        kind: 'MONTHLY_VISIT',
        period: '2026-09',
        questionnaireId,
        sample: { mode: 'COUNT', size: 4, seed: 'answers' },
      }),
    );
    const drawn: string[] = (await sample(s.id)).map((c: { customerId: string }) => c.customerId);
    const outsider = ['demo-customer-1', 'demo-customer-2', ...EXTRA.map((c) => c.id)].find((id) => !drawn.includes(id))!;
    const first = await ok(answer(desk, { surveyId: s.id, customerId: drawn[0], answers: answers('SATISFIED') }));
    expect(first).toMatchObject({ responses: 1, responseRate: 0.25 });
    const twice = await answer(desk, { surveyId: s.id, customerId: drawn[0], answers: answers('DISSATISFIED'), followUps: followUp() });
    expect(errorOf(twice)).toMatchObject({ code: 'CONFLICT', field: 'customerId' });
    expect(errorOf(await answer(desk, { surveyId: s.id, customerId: outsider, answers: answers('SATISFIED') }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'customerId',
    });
    const extraQuestion = await answer(desk, {
      surveyId: s.id,
      customerId: drawn[1],
      answers: [...answers('SATISFIED'), { question: 3, comment: 'x' }],
    });
    expect(errorOf(extraQuestion)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'answers' });
    const badChoice = await answer(desk, { surveyId: s.id, customerId: drawn[1], answers: answers('SATISFIED', '停车') });
    expect(errorOf(badChoice)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'answers.1.choice' });
    const noLevel = await answer(desk, {
      surveyId: s.id,
      customerId: drawn[1],
      answers: [{ question: 0 }, ...answers('SATISFIED').slice(1)],
    });
    expect(errorOf(noLevel)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'answers.0.satisfaction' });
    // the same customer's answer sent twice at once: one kept, the other refused (the database keeps one per campaign and customer)
    const twiceAtOnce = await Promise.all(
      [1, 2].map(() => answer(desk, { surveyId: s.id, customerId: drawn[1], answers: answers('SATISFIED') })),
    );
    expect(twiceAtOnce.map((r) => (r.errors ? errorOf(r)?.code : 'OK')).sort()).toEqual(['CONFLICT', 'OK']);
    await ok(gql(quality, `mutation($id: ID!) { closeSurvey(id: $id) { status } }`, { id: s.id }));
    const closed = await answer(desk, { surveyId: s.id, customerId: drawn[2], answers: answers('SATISFIED') });
    expect(errorOf(closed)).toMatchObject({ code: 'CONFLICT', field: 'surveyId' });
    const kept = await system.sql<{ customer_id: string; answers: unknown }>(
      'callback',
      'select customer_id, answers from survey_response where survey_id = $1',
      [s.id],
    );
    expect(kept.map((k) => k.customer_id).sort()).toEqual([drawn[0], drawn[1]].sort());
    expect((await sample(s.id, true)).map((c: { customerId: string }) => c.customerId)).toEqual(drawn.slice(2));
  });

  it('rule: customers who answered a survey in the last N days are left out of the next sample', async () => {
    const answered = await system.sql<{ customer_id: string }>('callback', 'select distinct customer_id from survey_response');
    expect(answered.length).toBeGreaterThan(0);
    const [s] = await ok(
      launch(quality, {
        siteId: SITE,
        kind: 'MONTHLY_VISIT',
        period: '2026-08',
        questionnaireId,
        sample: { mode: 'ALL', excludeSurveyedWithinDays: 30 },
      }),
    );
    expect(s.sampleSize).toBe(12 - answered.length);
    const drawn = (await sample(s.id)).map((c: { customerId: string }) => c.customerId);
    for (const { customer_id } of answered) expect(drawn).not.toContain(customer_id);
  });
});

resultsRules(world);
annualRules(world);
qualityRules(world);
