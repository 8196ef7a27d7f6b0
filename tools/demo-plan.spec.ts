import { DEMO_HISTORY_DATASET } from '@pc/intake';
import { demoPlan, historyStart, planCustomers, type ComplaintPlan, type ServicePlan, type SurveyPlan } from './demo-plan';

const customers = planCustomers(DEMO_HISTORY_DATASET);
const NOW = new Date('2026-12-07T13:00:00Z');

describe('the demo history (issue 28): thirteen months of both demo sites, the same every time', () => {
  const plans = demoPlan(NOW, customers);
  const complaints = plans.filter((p): p is ComplaintPlan => p.kind === 'complaint');
  const services = plans.filter((p): p is ServicePlan => p.kind === 'REPAIR' || p.kind === 'PAID_SERVICE');
  const surveys = plans.filter((p): p is SurveyPlan => p.kind === 'survey');

  it('is reproducible: the same seed and the same now give the same plan, another seed another', () => {
    expect(JSON.stringify(demoPlan(NOW, customers))).toBe(JSON.stringify(plans));
    expect(JSON.stringify(demoPlan(NOW, customers, 29))).not.toBe(JSON.stringify(plans));
  });

  it('spans the first day of the month twelve months back (Shanghai) to the day before now, in every one of the 13 months, both sites', () => {
    expect(historyStart(NOW, 12).toISOString()).toBe('2025-11-30T16:00:00.000Z'); // 2025-12-01 00:00 in Shanghai
    const months = new Set(complaints.map((c) => new Date(c.filedAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 7)));
    expect(months.size).toBe(13);
    expect(Math.max(...complaints.map((c) => c.filedAt.getTime()))).toBeLessThan(NOW.getTime());
    expect(new Set(complaints.map((c) => c.siteId))).toEqual(new Set(['demo-site-1', 'demo-site-2']));
    expect(complaints.length).toBeGreaterThan(250);
  });

  it('mixes what a newcomer should find: several categories and channels, invalid, on-the-spot, major, late and extended cases, all four callback levels with rework', () => {
    expect(new Set(complaints.map((c) => c.category)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(complaints.map((c) => c.channel)).size).toBeGreaterThanOrEqual(6);
    const count = (f: (c: ComplaintPlan) => boolean) => complaints.filter(f).length;
    expect(count((c) => !c.valid)).toBeGreaterThan(5);
    expect(count((c) => c.onTheSpot)).toBeGreaterThan(5);
    expect(count((c) => c.major)).toBeGreaterThan(5);
    expect(count((c) => c.planAfterH > 24)).toBeGreaterThan(5);
    expect(count((c) => c.resolveAfterH > 7 * 24)).toBeGreaterThan(5);
    expect(count((c) => c.extension)).toBeGreaterThan(5);
    expect(count((c) => c.callbackAfterH > 24)).toBeGreaterThan(5);
    expect(new Set(complaints.map((c) => c.levels[0]))).toEqual(
      new Set(['VERY_SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED']),
    );
    // a dissatisfied callback reopens the case: a second round follows with its own level
    expect(complaints.filter((c) => c.levels[0] === 'DISSATISFIED').every((c) => c.levels.length === 2)).toBe(true);
    expect(complaints.filter((c) => c.levels[0] !== 'DISSATISFIED').every((c) => c.levels.length === 1)).toBe(true);
  });

  it('has repairs and paid services (priced) and a monthly visit survey per site', () => {
    expect(services.filter((s) => s.kind === 'REPAIR').length).toBeGreaterThan(20);
    expect(services.filter((s) => s.kind === 'PAID_SERVICE').every((s) => (s.priceYuan ?? 0) > 0)).toBe(true);
    expect(surveys).toHaveLength(2 * 12); // the 20th of each month before December 2026 (the 7th)
    expect(new Set(surveys.map((s) => `${s.siteId} ${s.period}`)).size).toBe(surveys.length);
  });

  it('reads naturally: demo-site-1 in Chinese, demo-site-2 in English', () => {
    const site1 = complaints.filter((c) => c.siteId === 'demo-site-1');
    expect(site1.every((c) => /[\u4e00-\u9fff]/.test(c.description) && /[\u4e00-\u9fff]/.test(c.customer.name))).toBe(true);
    expect(complaints.filter((c) => c.siteId === 'demo-site-2').every((c) => !/[\u4e00-\u9fff]/.test(c.description))).toBe(true);
  });
});
