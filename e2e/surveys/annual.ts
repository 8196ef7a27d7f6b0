import { DEMO_USERS } from '@pc/intake';
import { eventually } from '@pc/system';
import { ok } from '../work-order-steps';
import type { SurveysWorld } from './world';

/** The annual survey of the whole organisation and its public answer (seed 004), in the survey spec's system. */
export function annualRules(w: SurveysWorld): void {
  const token = (sub: string) => w.system.token(DEMO_USERS.find((u) => u.sub === sub)!);
  const gql = (t: string, q: string, v?: Record<string, unknown>) => w.system.graphql(t, q, v);
  const errorOf = (r: { errors?: any[] }) => r.errors?.[0]?.extensions;

  describe('issue 31: the annual survey and its public answer', () => {
    it('the annual survey of the whole organisation (QUALITY): one campaign per site in one group, its results per site and in all', async () => {
      const { system, quality, desk, questionnaireId, launch, answer, answers, followUp } = w;
      const opened = await ok(launch(quality, { kind: 'ANNUAL_SURVEY', period: '2026', questionnaireId, sample: { mode: 'ALL' } }));
      expect(opened.map((s: { siteId: string }) => s.siteId)).toEqual(['demo-site-1', 'demo-site-2']);
      expect(new Set(opened.map((s: { groupId: string }) => s.groupId)).size).toBe(1);
      expect(opened.map((s: { sampleSize: number }) => s.sampleSize)).toEqual([12, 1]);
      await ok(answer(desk, { surveyId: opened[0].id, customerId: 'demo-customer-1', answers: answers('SATISFIED') }));
      await ok(answer(desk, { surveyId: opened[1].id, customerId: 'demo-customer-3', answers: answers('VERY_SATISFIED') }));
      const g = await eventually(
        async () => {
          const got = await ok(
            gql(
              quality,
              `query($s: ID!) { surveyResults(surveyId: $s) { group { groupId sampleSize responses responseRate index { share score } sites { siteId responses responseRate } } } }`,
              {
                s: opened[0].id,
              },
            ),
          );
          return got.group?.responses === 2 ? got.group : null;
        },
        30_000,
        'the group to hold both answers',
      );
      expect(g).toEqual({
        groupId: opened[0].groupId,
        sampleSize: 13,
        responses: 2,
        responseRate: 0.1538,
        index: { share: 1, score: 90 },
        sites: [
          { siteId: 'demo-site-1', responses: 1, responseRate: 0.0833 },
          { siteId: 'demo-site-2', responses: 1, responseRate: 1 },
        ],
      });

      // rule: the public answer — the problems many raised drafted, completed and approved by QUALITY, posted to every site's residents once
      await ok(
        answer(desk, {
          surveyId: opened[0].id,
          customerId: 'demo-customer-2',
          answers: answers('DISSATISFIED', '保洁', '楼道脏'),
          followUps: followUp(),
        }),
      );
      const draft = await ok(
        gql(
          quality,
          `query($s: ID!) { surveyAnswerDraft(surveyId: $s, threshold: 0.3) { responses problems { category dissatisfied inWords share } title body } }`,
          {
            s: opened[1].id,
          },
        ),
      );
      expect(draft.responses).toBe(3);
      expect(draft.problems).toEqual([
        { category: '建议', dissatisfied: 0, inWords: 3, share: 1 },
        { category: '保洁', dissatisfied: 1, inWords: 0, share: 0.3333 },
      ]);
      expect(draft.body).toContain('【请填写我们的回应】');
      const publish = (t: string, body: string) =>
        gql(t, `mutation($i: PublishSurveyAnswerInput!) { publishSurveyAnswer(input: $i) { id siteIds channels approvedBy } }`, {
          i: { surveyId: opened[0].id, title: draft.title, body, channels: ['WEBHOOK'] },
        });
      expect(errorOf(await publish(quality, draft.body))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
      expect(errorOf(await publish(token('demo-site-head'), '楼道每日清扫两次。'))).toMatchObject({ code: 'FORBIDDEN' });
      const body = draft.body.replace(/【请填写我们的回应】/g, '楼道每日清扫两次，增设垃圾桶。');
      const published = await ok(publish(quality, body));
      expect(published).toMatchObject({ siteIds: ['demo-site-1', 'demo-site-2'], channels: ['WEBHOOK'], approvedBy: 'demo-quality' });
      expect(errorOf(await publish(quality, body))).toMatchObject({ code: 'CONFLICT', field: 'surveyId' });
      const notices = await eventually(
        async () => {
          const rows = await system.sql<{ site_id: string; kind: string; title: string; audience: { wholeSite: boolean } }>(
            'intake',
            `select site_id, kind, title, audience from resident_notice where kind = 'SURVEY_ANSWER' order by site_id`,
          );
          return rows.length === 2 ? rows : null;
        },
        30_000,
        'the notices at both sites',
      );
      expect(notices.map((n) => [n.site_id, n.title, n.audience.wholeSite])).toEqual([
        ['demo-site-1', draft.title, true],
        ['demo-site-2', draft.title, true],
      ]);
      const monthly = (await ok(gql(quality, `{ surveys(siteId: "demo-site-1", kind: MONTHLY_VISIT) { id } }`)))[0];
      expect(errorOf(await gql(quality, `query($s: ID!) { surveyAnswerDraft(surveyId: $s) { title } }`, { s: monthly.id }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'surveyId',
      });
    });
  });
}
