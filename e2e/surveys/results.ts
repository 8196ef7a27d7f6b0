import ExcelJS from 'exceljs';
import { eventually } from '@pc/system';
import { ok } from '../work-order-steps';
import type { SurveysWorld } from './world';

const SITE = 'demo-site-1';
const AREA_A = 'demo-site-1-area-a';
const AREA_B = 'demo-site-1-area-b';

/** A campaign's results in analytics and their export, in the survey spec's system. */
export function resultsRules(w: SurveysWorld): void {
  const gql = (t: string, q: string, v?: Record<string, unknown>) => w.system.graphql(t, q, v);
  const errorOf = (r: { errors?: any[] }) => r.errors?.[0]?.extensions;
  describe('issue 31: survey results', () => {
    it('results in analytics: rate, index, levels per question, choices, words by category, areas, dissatisfied items with their follow-up plan, the change since the previous campaign', async () => {
      const { system, quality, desk, questionnaireId, launch, answer, answers, followUp } = w;
      const site = (period: string) =>
        ok(launch(quality, { siteId: SITE, kind: 'MONTHLY_VISIT', period, questionnaireId, sample: { mode: 'ALL' } })).then((l) => l[0]);
      const november = await site('2026-11');
      await ok(answer(desk, { surveyId: november.id, customerId: 'demo-customer-1', answers: answers('BASICALLY_SATISFIED') }));
      await ok(answer(desk, { surveyId: november.id, customerId: 'demo-customer-2', answers: answers('SATISFIED') }));
      const december = await site('2026-12');
      // A: 李伟 very satisfied, sv-a-own-1 satisfied; B: 张敏 dissatisfied (a plan), sv-b-own-1 very satisfied
      await ok(
        answer(desk, { surveyId: december.id, customerId: 'demo-customer-1', answers: answers('VERY_SATISFIED', '安保', '门禁常坏') }),
      );
      await ok(answer(desk, { surveyId: december.id, customerId: 'sv-a-own-1', answers: answers('SATISFIED', '安保', '夜间巡逻') }));
      await ok(
        answer(desk, {
          surveyId: december.id,
          customerId: 'demo-customer-2',
          answers: answers('DISSATISFIED', '保洁', '楼道脏'),
          followUps: followUp(),
        }),
      );
      await ok(answer(desk, { surveyId: december.id, customerId: 'sv-b-own-1', answers: answers('VERY_SATISFIED', '绿化', '多种树') }));
      const RESULTS = `surveyId siteId kind period sampleSize responses responseRate index { answers share score }
        previous { period index { share score } shareChange scoreChange }
        questions { question text kind category verySatisfied satisfied basicallySatisfied dissatisfied index { share score } choices { option count } }
        areas { areaId responses index { share score } } texts { category count answers }
        dissatisfied { customerId question areaId followUp { id plan ownerId dueAt doneAt } } group { groupId }`;
      const r = await eventually(
        async () => {
          const got = await ok(gql(quality, `query($s: ID!) { surveyResults(surveyId: $s) { ${RESULTS} } }`, { s: december.id }));
          return got.responses === 4 && got.previous?.index.share !== null ? got : null;
        },
        30_000,
        'analytics to hold both campaigns and their answers',
      );
      expect(r).toMatchObject({
        siteId: SITE,
        kind: 'MONTHLY_VISIT',
        period: '2026-12',
        sampleSize: 12,
        responses: 4,
        responseRate: 0.3333,
        group: null,
      });
      // 2 very satisfied, 1 satisfied, 1 dissatisfied → share 0.75, score (200 + 80 + 0) / 4 = 70
      expect(r.index).toEqual({ answers: 4, share: 0.75, score: 70 });
      // November: basically satisfied + satisfied → share 0.5, score 70 → change +0.25, 0
      expect(r.previous).toEqual({ period: '2026-11', index: { share: 0.5, score: 70 }, shareChange: 0.25, scoreChange: 0 });
      expect(r.questions[0]).toMatchObject({
        kind: 'SCALE',
        category: '保洁',
        verySatisfied: 2,
        satisfied: 1,
        basicallySatisfied: 0,
        dissatisfied: 1,
      });
      expect(r.questions[1].choices).toEqual([
        { option: '保洁', count: 1 },
        { option: '安保', count: 2 },
        { option: '绿化', count: 1 },
      ]);
      expect(r.texts).toEqual([
        { category: '建议', count: 4, answers: expect.arrayContaining(['门禁常坏', '夜间巡逻', '楼道脏', '多种树']) },
      ]);
      expect(r.areas).toEqual([
        { areaId: AREA_A, responses: 2, index: { share: 1, score: 90 } },
        { areaId: AREA_B, responses: 2, index: { share: 0.5, score: 50 } },
      ]);
      expect(r.dissatisfied).toEqual([
        {
          customerId: 'demo-customer-2',
          question: 0,
          areaId: AREA_B,
          followUp: expect.objectContaining({ plan: '加强保洁巡查', ownerId: 'demo-site-head', doneAt: null }),
        },
      ]);
      // another site's head sees nothing of site 1's results
      const other = await gql(
        system.token({ sub: 'other-head', org: 'demo-org', sites: ['demo-site-2'], roles: ['SITE_HEAD'] as never }),
        `query($s: ID!) { surveyResults(surveyId: $s) { surveyId } }`,
        {
          s: december.id,
        },
      );
      expect(errorOf(other)).toMatchObject({ code: 'NOT_FOUND' });
      // exported as xlsx and csv at the gateway, scoped like the query
      const origin = system.gatewayUrl.replace(/\/graphql$/, '');
      const get = (path: string, t: string | null = quality) =>
        fetch(`${origin}${path}`, { headers: t ? { authorization: `Bearer ${t}` } : {} });
      const xlsx = await get(`/exports/survey-results.xlsx?surveyId=${december.id}&lang=en`);
      expect(xlsx.status).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
      const rows: unknown[][] = [];
      book.getWorksheet('Questions')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1, 11)));
      expect(rows[1]).toEqual([1, '您对小区保洁是否满意？', 'SCALE', '保洁', 2, 1, 0, 1, 0.75, 70]);
      const csv = await (await get(`/exports/survey-results.csv?surveyId=${december.id}&lang=zh`)).text();
      expect(csv).toContain('各题');
      expect(csv).toContain('楼道脏');
      const otherSite = system.token({ sub: 'other-head', org: 'demo-org', sites: ['demo-site-2'], roles: ['SITE_HEAD'] as never });
      expect((await get(`/exports/survey-results.xlsx?surveyId=${december.id}`, otherSite)).status).toBe(404);
      expect((await get(`/exports/survey-results.xlsx?surveyId=${december.id}`, null)).status).toBe(401);
      expect((await get('/exports/survey-results.csv')).status).toBe(400);
    });
  });
}
