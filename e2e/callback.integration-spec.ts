import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { CallbackKind, Category, ComplaintResolved, Department, Role, ServiceCompleted, Severity } from '@pc/contracts';
import { CALLBACK, CallbackAppModule, CallbackScheduler } from '@pc/callback';
import { ManualClock, type AuthUser } from '@pc/platform';
import { InProcessService, eventually, postGraphql } from '../tools/harness';

/**
 * domain.md §4 callbacks and surveys. Real: the callback subgraph (in this process, ManualClock),
 * PostgreSQL, NATS JetStream. The resolutions arrive as dispatch and intake publish them.
 */
const H = 3_600_000;
const ORG = 'org-c';
const u = (sub: string, roles: Role[], sites = ['site-a', 'site-b']): AuthUser => ({ sub, org: ORG, sites, roles });
const USERS = {
  desk: u('desk-1', [Role.FRONT_DESK]),
  desk2: u('desk-2', [Role.FRONT_DESK]),
  areaManager: u('am-1', [Role.AREA_MANAGER]),
  quality: u('quality-1', [Role.QUALITY]),
  engineer: { ...u('eng-1', [Role.DEPARTMENT_STAFF]), department: Department.ENGINEERING },
};
let svc: InProcessService;
let app: INestApplication;
let url: string;
const clock = new ManualClock('2026-10-05T02:00:00Z');
const tokens = {} as Record<keyof typeof USERS, string>;
const gql = (token: string, query: string, variables?: Record<string, unknown>) => postGraphql(url, token, query, variables);
const errorOf = (r: { errors?: any[] }) => r.errors?.[0]?.extensions;
const ok = async (p: Promise<{ data?: any; errors?: any[] }>) => {
  const r = await p;
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return Object.values(r.data)[0] as any;
};
const FIELDS =
  'id kind caseId complaintId siteId areaId round assignee allowedMethods resolvedAt dueAt status attempts escalatedTo overdueAt satisfaction';
const tick = () => app.get(CallbackScheduler).tick();
const outbox = async (subject: string) =>
  (await svc.sql<{ body: string }>(`select body from outbox_event where subject = $1 order by seq`, [subject])).map(
    (r) => JSON.parse(r.body).payload,
  );

interface Case {
  site?: string;
  area?: string;
  kind?: CallbackKind;
  severity?: Severity;
  takenBy?: string;
  handledBy?: string[];
  resolvedAt: Date;
}

/** Publishes the resolution as dispatch (complaints) or intake (repairs, paid services) do; answers the callback. */
async function resolveCase(c: Case): Promise<any> {
  const caseId = randomUUID();
  const base = { orgId: ORG, siteId: c.site ?? 'site-a', areaId: c.area ?? 'area-1', areaManagerId: 'am-1' };
  if ((c.kind ?? CallbackKind.COMPLAINT) === CallbackKind.COMPLAINT) {
    await svc.publish(ComplaintResolved, {
      ...base,
      complaintId: caseId,
      severity: c.severity ?? Severity.MINOR,
      category: Category.EQUIPMENT,
      resolvedAt: c.resolvedAt.toISOString(),
      resolvedBy: 'eng-1',
      takenBy: c.takenBy ?? 'desk-1',
      atIntake: false,
      handledBy: c.handledBy ?? ['eng-1'],
    });
  } else {
    await svc.publish(ServiceCompleted, {
      ...base,
      serviceId: caseId,
      kind: c.kind!,
      takenBy: c.takenBy ?? 'desk-1',
      completedAt: c.resolvedAt.toISOString(),
      handledBy: c.handledBy ?? ['eng-1'],
    });
  }
  return eventually(async () => (await svc.sql(`select id from callback where complaint_id = $1`, [caseId]))[0], 20_000, 'the callback');
}

const record = (token: string, callbackId: string, over: Record<string, unknown> = {}) =>
  gql(
    token,
    `mutation($i: RecordCallbackInput!) { recordCallback(input: $i) { ${FIELDS} reached serviceQuality attitude priceCheck shortcomings suggestions } }`,
    {
      i: {
        callbackId,
        method: 'PHONE',
        reached: 'the owner',
        serviceQuality: 'SATISFIED',
        attitude: 'VERY_SATISFIED',
        satisfaction: 'SATISFIED',
        ...over,
      },
    },
  );

beforeAll(async () => {
  svc = await InProcessService.create(
    { def: CALLBACK, module: (rt) => CallbackAppModule.forRoot(rt) },
    { clock, env: { SLA_SCAN_MS: '0' } },
  );
  ({ app, url } = await svc.start());
  for (const [k, v] of Object.entries(USERS)) tokens[k as keyof typeof USERS] = svc.token(v);
  await svc.announceStaff(Object.values(USERS));
  await svc.announceRegistry(
    ORG,
    ['site-a', 'site-b'],
    [
      { customerId: 'cust-1', siteId: 'site-a' },
      { customerId: 'cust-2', siteId: 'site-a' },
    ],
  );
});

afterAll(async () => {
  await svc?.close();
});

describe('domain.md §4 callback tasks', () => {
  it('calls back a minor complaint, a repair and a paid service within 24 hours by whoever took it, by phone or WeChat', async () => {
    const at = clock.now();
    for (const kind of [CallbackKind.COMPLAINT, CallbackKind.REPAIR, CallbackKind.PAID_SERVICE]) {
      const { id } = await resolveCase({ kind, resolvedAt: at, takenBy: 'desk-2' });
      const [cb] = (await ok(gql(tokens.desk2, `{ callbackWorklist(includeDone: true) { ${FIELDS} } }`))).filter((c: any) => c.id === id);
      expect(cb).toMatchObject({
        kind,
        assignee: 'desk-2',
        allowedMethods: ['PHONE', 'WECHAT'],
        dueAt: new Date(at.getTime() + 24 * H).toISOString(),
        status: 'OPEN',
      });
      expect(cb.complaintId).toBe(kind === CallbackKind.COMPLAINT ? cb.caseId : null);
    }
  });

  it('has the area manager visit a major complaint in person', async () => {
    const { id } = await resolveCase({ severity: Severity.MAJOR, resolvedAt: clock.now() });
    const mine = await ok(gql(tokens.areaManager, `{ callbackWorklist { ${FIELDS} } }`));
    expect(mine.find((c: any) => c.id === id)).toMatchObject({ assignee: 'am-1', allowedMethods: ['VISIT'] });
    expect(errorOf(await record(tokens.areaManager, id, { method: 'PHONE' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'method' });
  });

  it('lists worklists per assignee and per area by due time, the overdue ones first', async () => {
    const base = clock.now().getTime();
    const late = await resolveCase({ area: 'area-w', takenBy: 'desk-w', resolvedAt: new Date(base - 30 * H) });
    const soon = await resolveCase({ area: 'area-w', takenBy: 'desk-w', resolvedAt: new Date(base - 2 * H) });
    const older = await resolveCase({ area: 'area-w', takenBy: 'other', resolvedAt: new Date(base - 40 * H) });
    const byAssignee = await ok(gql(tokens.quality, `{ callbackWorklist(assignee: "desk-w") { id dueAt } }`));
    expect(byAssignee.map((c: any) => c.id)).toEqual([late.id, soon.id]);
    const byArea = await ok(gql(tokens.areaManager, `{ callbackWorklist(areaId: "area-w") { id } }`));
    expect(byArea.map((c: any) => c.id)).toEqual([older.id, late.id, soon.id]);
    const own = await ok(gql(tokens.desk, `{ callbackWorklist(areaId: "area-w") { id } }`)); // front desk: only their own
    expect(own.map((c: any) => c.id)).toEqual([]);
  });
});

describe('domain.md §4 callback results', () => {
  it('records method, who was reached, service quality, attitude, price check, satisfaction, shortcomings and suggestions', async () => {
    const { id } = await resolveCase({ kind: CallbackKind.PAID_SERVICE, resolvedAt: clock.now() });
    expect(errorOf(await record(tokens.desk, id, { reached: ' ' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reached' });
    expect(errorOf(await record(tokens.desk, id))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'priceCheck' });
    const done = await ok(record(tokens.desk, id, { priceCheck: 'FAIR', suggestions: 'Call before coming.', method: 'WECHAT' }));
    expect(done).toMatchObject({
      status: 'DONE',
      reached: 'the owner',
      serviceQuality: 'SATISFIED',
      attitude: 'VERY_SATISFIED',
      priceCheck: 'FAIR',
      satisfaction: 'SATISFIED',
      suggestions: 'Call before coming.',
    });
    expect(errorOf(await record(tokens.desk, id, { priceCheck: 'FAIR' }))).toMatchObject({ code: 'CONFLICT' });
    expect((await outbox('callback.completed')).filter((p) => p.callbackId === id)).toEqual([
      expect.objectContaining({ kind: 'PAID_SERVICE', onTime: true, satisfaction: 'SATISFIED' }),
    ]);
  });

  it('sends a dissatisfied complaint back for rework: callback.dissatisfied with the shortcomings, reported to the area manager', async () => {
    const { id } = await resolveCase({ resolvedAt: clock.now() });
    expect(errorOf(await record(tokens.desk, id, { satisfaction: 'DISSATISFIED' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'shortcomings',
    });
    const done = await ok(record(tokens.desk, id, { satisfaction: 'DISSATISFIED', shortcomings: 'Still leaking.' }));
    expect(done.escalatedTo).toBe('am-1');
    expect((await outbox('callback.dissatisfied')).filter((p) => p.callbackId === id)).toEqual([
      expect.objectContaining({ complaintId: done.caseId, shortcomings: 'Still leaking.', areaManagerId: 'am-1' }),
    ]);
  });

  it('is not done until the customer is reached: unreachable attempts need a retry plan, and the last one escalates', async () => {
    const { id } = await resolveCase({ resolvedAt: clock.now() });
    const attempt = (over: Record<string, unknown> = {}) => {
      clock.advance(60_000); // attempts are minutes apart
      return gql(
        tokens.desk,
        `mutation($i: RecordCallbackAttemptInput!) { recordCallbackAttempt(input: $i) { ${FIELDS} nextAttemptAt attemptHistory { method retryAt } } }`,
        {
          i: {
            callbackId: id,
            method: 'PHONE',
            note: 'no answer',
            retryAt: new Date(clock.now().getTime() + 3 * H).toISOString(),
            ...over,
          },
        },
      );
    };
    expect(errorOf(await attempt({ retryAt: undefined }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'retryAt' });
    expect(errorOf(await attempt({ retryAt: clock.now().toISOString() }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'retryAt' });
    expect(await ok(attempt())).toMatchObject({ status: 'OPEN', attempts: 1 });
    expect(await ok(attempt({ method: 'WECHAT' }))).toMatchObject({ status: 'OPEN', attempts: 2 });
    const last = await ok(attempt({ retryAt: undefined }));
    expect(last).toMatchObject({ status: 'UNREACHABLE', attempts: 3, escalatedTo: 'am-1', nextAttemptAt: null });
    expect(last.attemptHistory.map((a: any) => a.method)).toEqual(['PHONE', 'WECHAT', 'PHONE']);
    expect(errorOf(await record(tokens.desk, id))).toMatchObject({ code: 'CONFLICT' });
  });

  it('announces a callback still owed at its due time once (callback.overdue), never before', async () => {
    const resolvedAt = clock.now();
    const { id } = await resolveCase({ resolvedAt });
    const overdue = async () => (await outbox('callback.overdue')).filter((p) => p.callbackId === id);
    clock.set(new Date(resolvedAt.getTime() + 24 * H - 1));
    await tick();
    expect(await overdue()).toEqual([]);
    clock.set(new Date(resolvedAt.getTime() + 24 * H));
    await tick();
    await tick();
    expect(await overdue()).toEqual([
      expect.objectContaining({ assignee: 'desk-1', kind: 'COMPLAINT', dueAt: new Date(resolvedAt.getTime() + 24 * H).toISOString() }),
    ]);
    clock.set(resolvedAt);
  });

  it('rule "who records a callback": its assignee, or the area manager once it is overdue; never whoever handled the case', async () => {
    const resolvedAt = clock.now();
    // the engineer who did the repair may not record the customer's verdict on it
    const repair = await resolveCase({ kind: CallbackKind.REPAIR, resolvedAt, handledBy: ['eng-1'] });
    const byEngineer = await record(tokens.engineer, repair.id, { priceCheck: undefined });
    expect(errorOf(byEngineer)).toMatchObject({ code: 'FORBIDDEN' });
    expect(byEngineer.errors![0].message).toMatch(/whoever handled the case never records its callback/);
    const byOtherDesk = await record(tokens.desk2, repair.id);
    expect(errorOf(byOtherDesk)).toMatchObject({ code: 'FORBIDDEN' });
    expect(byOtherDesk.errors![0].message).toMatch(/only the callback's assignee \(desk-1\) records it/);
    const attempt = await gql(tokens.engineer, `mutation($i: RecordCallbackAttemptInput!) { recordCallbackAttempt(input: $i) { id } }`, {
      i: { callbackId: repair.id, method: 'PHONE', retryAt: new Date(resolvedAt.getTime() + H).toISOString() },
    });
    expect(errorOf(attempt)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await ok(record(tokens.desk, repair.id))).toMatchObject({ status: 'DONE', satisfaction: 'SATISFIED' });

    // the one who took the case and also handled it does not record it either; once overdue the area manager does
    const selfHandled = await resolveCase({ resolvedAt, takenBy: 'desk-2', handledBy: ['desk-2'] });
    expect(errorOf(await record(tokens.desk2, selfHandled.id))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await record(tokens.areaManager, selfHandled.id))).toMatchObject({ code: 'FORBIDDEN' });
    clock.set(new Date(resolvedAt.getTime() + 24 * H));
    await tick();
    expect(await ok(record(tokens.areaManager, selfHandled.id))).toMatchObject({ status: 'DONE', assignee: 'desk-2' });

    // the recorder is checked against the staff registry: someone unknown to it (or no longer active) records nothing
    const ghost = await resolveCase({ resolvedAt, takenBy: 'desk-left' });
    const byGhost = await record(svc.token(u('desk-left', [Role.FRONT_DESK])), ghost.id);
    expect(errorOf(byGhost)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'callbackId' });
    expect(byGhost.errors![0].message).toMatch(/unknown staff user desk-left/);
    clock.set(resolvedAt);
  });
});

describe('domain.md §4 coverage (100 % for complaints, repairs and paid services)', () => {
  it('accounts exactly for every case resolved in a generated month, per site, area and kind', async () => {
    // November 2026 in Shanghai: 1 Nov 00:00 +08 = 31 Oct 16:00 UTC
    const monthStart = Date.UTC(2026, 9, 31, 16);
    const outcomes = ['onTime', 'late', 'unreachable', 'missing', 'pending'] as const;
    const expected = new Map<string, Record<string, number>>();
    const plan: { site: string; area: string; kind: CallbackKind; resolvedAt: Date; outcome: (typeof outcomes)[number] | 'outside' }[] = [];
    const kinds = [CallbackKind.COMPLAINT, CallbackKind.REPAIR, CallbackKind.PAID_SERVICE];
    for (let i = 0; i < 60; i += 1) {
      const site = i % 2 ? 'site-b' : 'site-a';
      const area = `cov-${i % 3}`;
      const kind = kinds[i % 3 === 0 ? 0 : (i >> 1) % 3];
      let outcome: (typeof outcomes)[number] | 'outside' = outcomes[(i * 7) % 5];
      // resolved through the month; 'pending' ones at its very end (not yet due when we look)
      let resolvedAt = new Date(monthStart + (outcome === 'pending' ? 29 * 24 * H + 20 * H : (i % 28) * 24 * H + (i % 5) * H));
      if (i % 13 === 12) {
        outcome = 'outside';
        resolvedAt = new Date(monthStart - H); // 31 Oct, 23:00 in Shanghai: October, not counted
      }
      plan.push({ site, area, kind, resolvedAt, outcome });
      if (outcome === 'outside') continue;
      const key = `${site}|${area}|${kind}`;
      const e = expected.get(key) ?? { resolved: 0, onTime: 0, late: 0, unreachable: 0, missing: 0, pending: 0 };
      e.resolved += 1;
      e[outcome] += 1;
      expected.set(key, e);
    }
    const ids: string[] = [];
    for (const p of plan) {
      ids.push((await resolveCase({ site: p.site, area: p.area, kind: p.kind, resolvedAt: p.resolvedAt, severity: Severity.MINOR })).id);
    }

    // act out each outcome at the right moment
    for (const [i, p] of plan.entries()) {
      const id = ids[i];
      const priceCheck = p.kind === CallbackKind.PAID_SERVICE ? { priceCheck: 'FAIR' } : {};
      if (p.outcome === 'onTime' || p.outcome === 'late') {
        clock.set(new Date(p.resolvedAt.getTime() + (p.outcome === 'onTime' ? 23 : 30) * H));
        await ok(record(tokens.desk, id, priceCheck));
      } else if (p.outcome === 'unreachable') {
        clock.set(new Date(p.resolvedAt.getTime() + H));
        for (let n = 0; n < 3; n += 1) {
          await ok(
            gql(tokens.desk, `mutation($i: RecordCallbackAttemptInput!) { recordCallbackAttempt(input: $i) { id } }`, {
              i: { callbackId: id, method: 'PHONE', retryAt: n < 2 ? new Date(clock.now().getTime() + H).toISOString() : undefined },
            }),
          );
        }
      }
    }
    clock.set(new Date(monthStart + 30 * 24 * H - H)); // 30 Nov, 23:00 in Shanghai: the month's last hour

    const rows = await ok(
      gql(
        tokens.quality,
        `{ callbackCoverage(month: "2026-11") { siteId areaId kind resolved onTime late unreachable missing pending coverage } }`,
      ),
    );
    const mine = rows.filter((r: any) => r.areaId?.startsWith('cov-'));
    expect(mine).toHaveLength(expected.size);
    for (const r of mine) {
      const e = expected.get(`${r.siteId}|${r.areaId}|${r.kind}`);
      expect({ ...r, coverage: undefined }).toEqual({ siteId: r.siteId, areaId: r.areaId, kind: r.kind, ...e, coverage: undefined });
      expect(r.onTime + r.late + r.unreachable + r.missing + r.pending).toBe(r.resolved); // nothing passes silently
      expect(r.coverage).toBeCloseTo((e!.onTime + e!.late) / e!.resolved, 10);
    }
    const siteA = await ok(
      gql(tokens.quality, `{ callbackCoverage(month: "2026-11", siteId: "site-a", kind: REPAIR) { siteId kind resolved } }`),
    );
    expect(siteA.every((r: any) => r.siteId === 'site-a' && r.kind === 'REPAIR')).toBe(true);
    expect(errorOf(await gql(tokens.quality, `{ callbackCoverage(month: "2026-13") { resolved } }`))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'month',
    });
    clock.set('2026-10-05T02:00:00Z');
  });
});

describe('domain.md §4 satisfaction surveys', () => {
  it('runs monthly, quarterly and annual surveys on four levels; each dissatisfied item needs a follow-up plan with an owner and a due date', async () => {
    const create = (kind: string, period: string) =>
      gql(tokens.quality, `mutation($i: CreateSurveyInput!) { createSurvey(input: $i) { id kind period questions } }`, {
        i: { siteId: 'site-a', kind, period, questions: ['Cleaning of common areas', 'Security at night', 'Repair speed'] },
      });
    expect(errorOf(await create('QUARTERLY_QUESTIONNAIRE', '2026-11'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
    expect((await ok(create('MONTHLY_VISIT', '2026-10'))).kind).toBe('MONTHLY_VISIT');
    expect((await ok(create('ANNUAL_SURVEY', '2026'))).period).toBe('2026');
    const survey = await ok(create('QUARTERLY_QUESTIONNAIRE', '2026-Q4'));

    const respond = (customerId: string, answers: string[], followUps: { question: number; dueInHours?: number }[] = []) =>
      gql(
        tokens.quality,
        `mutation($i: RecordSurveyResponseInput!) { recordSurveyResponse(input: $i) { responses results { question verySatisfied satisfied basicallySatisfied dissatisfied } } }`,
        {
          i: {
            surveyId: survey.id,
            customerId,
            answers: answers.map((satisfaction, question) => ({ question, satisfaction })),
            followUps: followUps.map((f) => ({
              question: f.question,
              plan: 'Add a night patrol.',
              ownerId: 'sec-head',
              dueAt: new Date(clock.now().getTime() + (f.dueInHours ?? 72) * H).toISOString(),
            })),
          },
        },
      );
    expect(errorOf(await respond('cust-1', ['SATISFIED', 'DISSATISFIED', 'SATISFIED']))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'followUps',
    });
    expect(errorOf(await respond('cust-1', ['SATISFIED', 'SATISFIED', 'SATISFIED'], [{ question: 1 }]))).toMatchObject({
      field: 'followUps',
    });
    expect(errorOf(await respond('cust-1', ['SATISFIED', 'DISSATISFIED', 'SATISFIED'], [{ question: 1, dueInHours: -1 }]))).toMatchObject({
      field: 'followUps.dueAt',
    });
    expect(errorOf(await respond('cust-1', ['SATISFIED', 'SATISFIED']))).toMatchObject({ field: 'answers' });

    await ok(respond('cust-1', ['VERY_SATISFIED', 'DISSATISFIED', 'SATISFIED'], [{ question: 1 }]));
    const after = await ok(respond('cust-2', ['BASICALLY_SATISFIED', 'DISSATISFIED', 'DISSATISFIED'], [{ question: 1 }, { question: 2 }]));
    expect(after.responses).toBe(2);
    expect(after.results).toEqual([
      { question: 0, verySatisfied: 1, satisfied: 0, basicallySatisfied: 1, dissatisfied: 0 },
      { question: 1, verySatisfied: 0, satisfied: 0, basicallySatisfied: 0, dissatisfied: 2 },
      { question: 2, verySatisfied: 0, satisfied: 1, basicallySatisfied: 0, dissatisfied: 1 },
    ]);
    expect(errorOf(await respond('cust-2', ['SATISFIED', 'SATISFIED', 'SATISFIED']))).toMatchObject({
      code: 'CONFLICT',
      field: 'customerId',
    });

    const followUps = await ok(gql(tokens.quality, `{ surveyFollowUps(siteId: "site-a", open: true) { id surveyId question ownerId } }`));
    expect(
      followUps
        .filter((f: any) => f.surveyId === survey.id)
        .map((f: any) => f.question)
        .sort(),
    ).toEqual([1, 1, 2]);
    await ok(gql(tokens.quality, `mutation($id: ID!) { completeSurveyFollowUp(id: $id) { doneAt } }`, { id: followUps[0].id }));
    expect((await ok(gql(tokens.quality, `{ surveyFollowUps(open: true) { id } }`))).map((f: any) => f.id)).not.toContain(followUps[0].id);
    const answered = (await outbox('survey.answered')).filter((p) => p.surveyId === survey.id);
    expect(answered.map((p) => p.followUps)).toEqual([1, 2]);
  });
});
