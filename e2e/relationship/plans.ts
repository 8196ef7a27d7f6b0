import ExcelJS from 'exceljs';
import { DEMO_USERS } from '@pc/intake';
import { ok } from '../work-order-steps';
import type { RelationshipWorld } from './world';

/** Relationship plans (客户关系维护计划, domain.md §7) and their export, in the relationship spec's w.system. */
export function planRules(w: RelationshipWorld): void {
  const token = (sub: string) => w.system.token(DEMO_USERS.find((u) => u.sub === sub)!);
  const gql = (t: string, q: string, v?: Record<string, unknown>) => w.system.graphql(t, q, v);
  const errorOf = (r: { errors?: any[] }) => r.errors?.[0]?.extensions;
  const count = (table: string, where?: string) => w.count(table, where);
  const rep = () => token('demo-complaint-rep');
  describe('domain.md §7 relationship plans', () => {
    it('rule: a yearly and a monthly plan with goals, activities and money, read and exported (xlsx, csv) with what was done against them', async () => {
      const save = (input: Record<string, unknown>) =>
        gql(
          rep(),
          `mutation($i: SaveRelationshipPlanInput!) { saveRelationshipPlan(input: $i) { id period summary { activitiesDone spentYuan } } }`,
          {
            i: { siteId: 'demo-site-1', goals: ['Satisfaction ≥ 90 %'], budgetYuan: 50000, activities: [], ...input },
          },
        );
      const activity = (over: Record<string, unknown>) => ({
        title: 'Summer fair',
        kind: 'EVENT',
        plannedOn: '2026-07-18',
        budgetYuan: 12000,
        ...over,
      });
      // an activity outside the plan's period is refused, nothing stored
      expect(errorOf(await save({ period: '2026-06', activities: [activity({})] }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'activities.0.plannedOn',
      });
      expect(await count('relationship_plan')).toBe(0);
      await ok(
        save({
          period: '2026',
          activities: [
            activity({ done: true, spentYuan: 13500, signedUp: 210, attended: 180 }),
            activity({ title: 'New year party', plannedOn: '2026-12-30', budgetYuan: 20000 }),
          ],
        }),
      );
      await ok(save({ period: '2026-07', budgetYuan: 15000, activities: [activity({ done: true, spentYuan: 13500 })] }));
      // saved again: replaced, not doubled
      await ok(save({ period: '2026-07', budgetYuan: 16000, activities: [activity({ done: true, spentYuan: 13500 })] }));
      const plans = await ok(
        gql(
          rep(),
          `{ relationshipPlans(siteId: "demo-site-1", year: 2026) { period budgetYuan summary { activitiesPlanned activitiesDone budgetYuan activityBudgetYuan spentYuan signedUp attended } } }`,
        ),
      );
      expect(plans).toEqual([
        {
          period: '2026',
          budgetYuan: 50000,
          summary: {
            activitiesPlanned: 2,
            activitiesDone: 1,
            budgetYuan: 50000,
            activityBudgetYuan: 32000,
            spentYuan: 13500,
            signedUp: 210,
            attended: 180,
          },
        },
        {
          period: '2026-07',
          budgetYuan: 16000,
          summary: {
            activitiesPlanned: 1,
            activitiesDone: 1,
            budgetYuan: 16000,
            activityBudgetYuan: 12000,
            spentYuan: 13500,
            signedUp: 0,
            attended: 0,
          },
        },
      ]);
      const origin = w.system.gatewayUrl.replace(/\/graphql$/, '');
      const get = (path: string, t: string | null = rep()) =>
        fetch(`${origin}${path}`, { headers: t ? { authorization: `Bearer ${t}` } : {} });
      const xlsx = await get('/exports/relationship-plans.xlsx?siteId=demo-site-1&year=2026&lang=en');
      expect(xlsx.status).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
      const rows = (name: string) => {
        const out: unknown[][] = [];
        book.getWorksheet(name)!.eachRow((r) => out.push((r.values as unknown[]).slice(1)));
        return out;
      };
      expect(rows('Plans against what was done')).toEqual([
        [
          'Period',
          'Goals',
          'Budget (yuan)',
          'Activities budgeted (yuan)',
          'Spent (yuan)',
          'Activities planned',
          'Activities done',
          'Signed up',
          'Attended',
        ],
        ['2026', 'Satisfaction ≥ 90 %', 50000, 32000, 13500, 2, 1, 210, 180],
        ['2026-07', 'Satisfaction ≥ 90 %', 16000, 12000, 13500, 1, 1, 0, 0],
      ]);
      expect(rows('Activities')).toHaveLength(4);
      const csv = await (await get('/exports/relationship-plans.csv?siteId=demo-site-1&year=2026&lang=zh')).text();
      expect(csv).toContain('计划执行情况');
      expect(csv).toContain('New year party');
      // scoped like the query: another site's head gets nothing of it; no token, no file
      const intruder = w.system.token({ sub: 'other-head', org: 'demo-org', sites: ['demo-site-2'], roles: ['SITE_HEAD'] as never });
      expect((await get('/exports/relationship-plans.xlsx?siteId=demo-site-1&year=2026', intruder)).status).toBe(403);
      expect((await get('/exports/relationship-plans.xlsx?siteId=demo-site-1&year=2026', null)).status).toBe(401);
      expect((await get('/exports/relationship-plans.csv?siteId=demo-site-1&year=20x6')).status).toBe(400);
    });
  });
}
