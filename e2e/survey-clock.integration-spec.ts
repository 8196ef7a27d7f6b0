import type { INestApplication } from '@nestjs/common';
import { CALLBACK, CallbackAppModule, SurveyScheduler } from '@pc/callback';
import { Role } from '@pc/contracts';
import { ManualClock, type AuthUser } from '@pc/platform';
import { InProcessService, postGraphql } from '../tools/harness';

/**
 * Issue 31, the survey clocks: a site's monthly visits open themselves on the 1st and its quarterly
 * questionnaire at the quarter's start (in the site's time zone), each drawing its sample then and
 * taking answers until its period ends; a follow-up plan past its due date is announced once; a plan
 * done is called back to its customer once. Real: the callback subgraph (in this process,
 * ManualClock), PostgreSQL, NATS JetStream. Mocked: nothing.
 */
const ORG = 'org-clock';
const clock = new ManualClock('2026-12-08T02:00:00Z'); // 10:00 on 8 December in Shanghai
let svc: InProcessService;
let app: INestApplication;
let url: string;
const quality: AuthUser = { sub: 'q-1', org: ORG, sites: ['*'], roles: [Role.QUALITY] };
const owner: AuthUser = { sub: 'owner-1', org: ORG, sites: ['site-a'], roles: [Role.AREA_MANAGER] };
const gql = (user: AuthUser, query: string, variables?: Record<string, unknown>) => postGraphql(url, svc.token(user), query, variables);
const ok = async (p: Promise<{ data?: any; errors?: any[] }>) => {
  const r = await p;
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return Object.values(r.data)[0] as any;
};
const tick = () => app.get(SurveyScheduler).tick();
const outbox = async (subject: string) =>
  (await svc.sql<{ body: string }>(`select body from outbox_event where subject = $1 order by seq`, [subject])).map(
    (r) => JSON.parse(r.body).payload,
  );
const campaigns = () =>
  svc.sql<{ kind: string; period: string; sample_size: number; closes_at: Date }>(
    `select kind, period, sample_size, closes_at from survey order by kind, period`,
  );
let questionnaireId: string;

beforeAll(async () => {
  svc = await InProcessService.create(
    { def: CALLBACK, module: (rt) => CallbackAppModule.forRoot(rt) },
    { clock, env: { SLA_SCAN_MS: '0' } },
  );
  ({ app, url } = await svc.start());
  await svc.announceStaff([quality, owner]);
  await svc.announceRegistry(
    ORG,
    ['site-a'],
    Array.from({ length: 10 }, (_, i) => ({ customerId: `cust-${i}`, siteId: 'site-a' })),
  );
  questionnaireId = (
    await ok(
      gql(quality, `mutation($i: SaveQuestionnaireInput!) { saveQuestionnaire(input: $i) { id } }`, {
        i: { name: '月度回访', questions: [{ text: '满意吗？', kind: 'SCALE' }] },
      }),
    )
  ).id;
});

afterAll(async () => {
  await svc?.close();
});

describe('issue 31: the survey clocks', () => {
  it("rule: the month's visit opens itself at 00:00 on the 1st (Shanghai), the quarter's questionnaire at the quarter's start; each takes answers until its period ends", async () => {
    const monthly = await ok(
      gql(quality, `mutation($i: ScheduleSurveysInput!) { scheduleSurveys(input: $i) { kind nextPeriod nextRunAt active } }`, {
        i: { siteId: 'site-a', kind: 'MONTHLY_VISIT', questionnaireId, sample: { mode: 'COUNT', size: 3 } },
      }),
    );
    expect(monthly).toEqual({ kind: 'MONTHLY_VISIT', nextPeriod: '2027-01', nextRunAt: '2026-12-31T16:00:00.000Z', active: true });
    const quarterly = await ok(
      gql(quality, `mutation($i: ScheduleSurveysInput!) { scheduleSurveys(input: $i) { nextPeriod nextRunAt } }`, {
        i: { siteId: 'site-a', kind: 'QUARTERLY_QUESTIONNAIRE', questionnaireId, sample: { mode: 'SHARE', share: 0.5 } },
      }),
    );
    expect(quarterly).toEqual({ nextPeriod: '2027-Q1', nextRunAt: '2026-12-31T16:00:00.000Z' });
    const annual = await gql(quality, `mutation($i: ScheduleSurveysInput!) { scheduleSurveys(input: $i) { id } }`, {
      i: { siteId: 'site-a', kind: 'ANNUAL_SURVEY', questionnaireId, sample: { mode: 'ALL' } },
    });
    expect(annual.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });

    // 23:59:59 on 31 December in Shanghai: nothing opens
    clock.set(new Date('2026-12-31T15:59:59Z'));
    await tick();
    expect(await campaigns()).toEqual([]);
    // 00:00 on 1 January: January's visit and the first quarter's questionnaire, each once however often the clock ticks
    clock.set(new Date('2026-12-31T16:00:00Z'));
    await tick();
    await tick();
    expect(await campaigns()).toEqual([
      { kind: 'MONTHLY_VISIT', period: '2027-01', sample_size: 3, closes_at: new Date('2027-01-31T16:00:00Z') },
      { kind: 'QUARTERLY_QUESTIONNAIRE', period: '2027-Q1', sample_size: 5, closes_at: new Date('2027-03-31T16:00:00Z') },
    ]);
    expect((await outbox('survey.opened')).map((p) => p.period)).toEqual(['2027-01', '2027-Q1']);
    // February's visit is opened by hand before its day: the clock leaves it as it is and moves on
    clock.set(new Date('2027-01-20T02:00:00Z'));
    await ok(
      gql(quality, `mutation($i: LaunchSurveyInput!) { launchSurveyCampaign(input: $i) { id } }`, {
        i: { siteId: 'site-a', kind: 'MONTHLY_VISIT', period: '2027-02', questionnaireId, sample: { mode: 'ALL' } },
      }),
    );
    clock.set(new Date('2027-01-31T16:00:00Z'));
    await tick();
    expect((await campaigns()).filter((c) => c.kind === 'MONTHLY_VISIT').map((c) => [c.period, c.sample_size])).toEqual([
      ['2027-01', 3],
      ['2027-02', 10],
    ]);
    const [schedule] = await ok(gql(quality, `{ surveySchedules(siteId: "site-a") { kind nextPeriod lastError } }`));
    expect(schedule).toEqual({ kind: 'MONTHLY_VISIT', nextPeriod: '2027-03', lastError: null });
    // January's campaign no longer takes answers in February
    const january = (await ok(gql(quality, `{ surveys(siteId: "site-a", kind: MONTHLY_VISIT, year: 2027) { id period } }`))).find(
      (s: { period: string }) => s.period === '2027-01',
    );
    const [drawn] = await ok(gql(quality, `query($s: ID!) { surveySample(surveyId: $s) { customerId } }`, { s: january.id }));
    const late = await gql(owner, `mutation($i: RecordSurveyResponseInput!) { recordSurveyResponse(input: $i) { id } }`, {
      i: { surveyId: january.id, customerId: drawn.customerId, answers: [{ question: 0, satisfaction: 'SATISFIED' }] },
    });
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'surveyId' });
  });

  it('a sample the site cannot fill is noted on the schedule and the clock moves on', async () => {
    await ok(
      gql(quality, `mutation($i: ScheduleSurveysInput!) { scheduleSurveys(input: $i) { id } }`, {
        i: { siteId: 'site-a', kind: 'MONTHLY_VISIT', questionnaireId, sample: { mode: 'COUNT', size: 50 } },
      }),
    );
    clock.set(new Date('2027-02-28T16:00:00Z')); // 1 March in Shanghai
    await tick();
    const [schedule] = await ok(gql(quality, `{ surveySchedules(siteId: "site-a") { kind nextPeriod lastError } }`));
    expect(schedule.nextPeriod).toBe('2027-04');
    expect(schedule.lastError).toMatch(/^2027-03: .*the sample \(50\) is bigger than the customers who may be surveyed \(10\)/);
    expect((await campaigns()).map((c) => c.period)).not.toContain('2027-03');
  });

  it('rule: a follow-up plan past its due date is announced overdue once (notify tells its owner); done, its customer is called back once', async () => {
    clock.set(new Date('2027-03-02T02:00:00Z'));
    const [march] = await ok(
      gql(quality, `mutation($i: LaunchSurveyInput!) { launchSurveyCampaign(input: $i) { id } }`, {
        i: { siteId: 'site-a', kind: 'MONTHLY_VISIT', period: '2027-03', questionnaireId, sample: { mode: 'ALL' } },
      }),
    );
    await ok(
      gql(owner, `mutation($i: RecordSurveyResponseInput!) { recordSurveyResponse(input: $i) { id } }`, {
        i: {
          surveyId: march.id,
          customerId: 'cust-1',
          answers: [{ question: 0, satisfaction: 'DISSATISFIED', comment: '电梯常坏' }],
          followUps: [{ question: 0, plan: '联系电梯维保单位', ownerId: 'owner-1', dueAt: '2027-03-05T02:00:00Z' }],
        },
      }),
    );
    const [plan] = await ok(gql(owner, `{ surveyFollowUps(siteId: "site-a", open: true) { id overdueAt } }`));
    clock.set(new Date('2027-03-05T01:59:59Z'));
    await tick();
    expect(await outbox('survey.follow_up_overdue')).toEqual([]);
    // before it is done there is no call back to make
    const early = await gql(owner, `mutation($i: FollowUpCallbackInput!) { recordSurveyFollowUpCallback(input: $i) { id } }`, {
      i: { id: plan.id, satisfaction: 'SATISFIED' },
    });
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'id' });
    clock.set(new Date('2027-03-05T02:00:00Z'));
    await tick();
    await tick();
    expect(await outbox('survey.follow_up_overdue')).toEqual([
      {
        orgId: ORG,
        siteId: 'site-a',
        surveyId: march.id,
        followUpId: plan.id,
        ownerId: 'owner-1',
        question: 0,
        dueAt: '2027-03-05T02:00:00.000Z',
      },
    ]);
    clock.set(new Date('2027-03-06T02:00:00Z'));
    const done = await ok(
      gql(owner, `mutation($id: ID!) { completeSurveyFollowUp(id: $id) { doneAt callbackDueAt overdueAt } }`, { id: plan.id }),
    );
    expect(done).toEqual({
      doneAt: '2027-03-06T02:00:00.000Z',
      callbackDueAt: '2027-03-07T02:00:00.000Z',
      overdueAt: '2027-03-05T02:00:00.000Z',
    });
    const called = await ok(
      gql(
        owner,
        `mutation($i: FollowUpCallbackInput!) { recordSurveyFollowUpCallback(input: $i) { calledBackAt calledBackBy callbackSatisfaction callbackNote } }`,
        {
          i: { id: plan.id, satisfaction: 'SATISFIED', note: ' 电梯已修好 ' },
        },
      ),
    );
    expect(called).toEqual({
      calledBackAt: '2027-03-06T02:00:00.000Z',
      calledBackBy: 'owner-1',
      callbackSatisfaction: 'SATISFIED',
      callbackNote: '电梯已修好',
    });
    const twice = await gql(owner, `mutation($i: FollowUpCallbackInput!) { recordSurveyFollowUpCallback(input: $i) { id } }`, {
      i: { id: plan.id, satisfaction: 'DISSATISFIED' },
    });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'id' });
  });

  it("rule: the quality check's finding against a follow-up plan done opens it again, due in a week", async () => {
    clock.set(new Date('2027-04-02T02:00:00Z'));
    const check = await ok(
      gql(quality, `mutation($i: DrawQualityCheckInput!) { drawQualityCheck(input: $i) { handled items { id kind refId } } }`, {
        i: { siteId: 'site-a', month: '2027-03' },
      }),
    );
    const item = check.items.find((x: { kind: string }) => x.kind === 'FOLLOW_UP');
    expect(item).toBeDefined();
    const found = await ok(
      gql(quality, `mutation($i: QualityFindingInput!) { recordQualityFinding(input: $i) { consequence } }`, {
        i: { itemId: item.id, handledAsRecorded: false, customerTold: true, note: '电梯仍常坏' },
      }),
    );
    expect(found).toEqual({ consequence: 'FOLLOW_UP_REOPENED' });
    const [plan] = await svc.sql<{ done_at: Date | null; due_at: Date; called_back_at: Date | null }>(
      'select done_at, due_at, called_back_at from survey_follow_up where id = $1',
      [item.refId],
    );
    expect(plan).toEqual({ done_at: null, due_at: new Date('2027-04-09T02:00:00Z'), called_back_at: null });
  });
});
