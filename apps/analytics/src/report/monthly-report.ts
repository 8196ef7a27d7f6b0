import { Satisfaction } from '@pc/contracts';
import type { ComplaintFact, DeadlineFact } from './facts.entity';

export interface CountBy {
  key: string;
  count: number;
}

export interface MonthlyReportData {
  month: string;
  siteId: string | null;
  /** Valid complaints received in the month (the report is about them). */
  complaints: number;
  /** Invalid complaints (无理投诉) received in the month, each owed a reasoned reply. */
  invalid: number;
  /** Valid complaints answered on the spot at intake. */
  resolvedAtIntake: number;
  byCategory: CountBy[];
  bySeverity: CountBy[];
  byChannel: CountBy[];
  /** Every department a complaint was routed to counts once for it. */
  byDepartment: CountBy[];
  sla: { deadlines: number; metOnTime: number; breached: number; open: number; attainment: number | null };
  callbacks: { resolved: number; completed: number; onTime: number; missing: number; coverage: number | null };
  satisfaction: CountBy[];
}

function countBy(values: (string | null | undefined)[]): CountBy[] {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

const ratio = (n: number, d: number): number | null => (d === 0 ? null : Math.round((n / d) * 10_000) / 10_000);

/**
 * domain.md §5 monthly complaint analysis: volumes by category, severity, channel and department;
 * SLA attainment (clocks met on time among those decided); callback coverage (callbacks done among
 * resolved complaints) and satisfaction on the four levels.
 */
export function buildMonthlyReport(
  month: string,
  siteId: string | null,
  all: ComplaintFact[],
  deadlines: DeadlineFact[],
): MonthlyReportData {
  const facts = all.filter((f) => f.valid !== false);
  const metOnTime = deadlines.filter((d) => d.metAt && !d.breachedAt).length;
  const breached = deadlines.filter((d) => d.breachedAt).length;
  const resolved = facts.filter((f) => f.resolvedAt);
  const completed = resolved.filter((f) => f.callbackCompletedAt);
  const levels = Object.values(Satisfaction) as string[];
  return {
    month,
    siteId,
    complaints: facts.length,
    invalid: all.length - facts.length,
    resolvedAtIntake: facts.filter((f) => f.resolvedAtIntake).length,
    byCategory: countBy(facts.map((f) => f.category)),
    bySeverity: countBy(facts.map((f) => f.severity)),
    byChannel: countBy(facts.map((f) => f.channel)),
    byDepartment: countBy(facts.flatMap((f) => f.departments ?? [])),
    sla: {
      deadlines: deadlines.length,
      metOnTime,
      breached,
      open: deadlines.length - metOnTime - breached,
      attainment: ratio(metOnTime, metOnTime + breached),
    },
    callbacks: {
      resolved: resolved.length,
      completed: completed.length,
      onTime: completed.filter((f) => f.callbackOnTime).length,
      missing: resolved.length - completed.length,
      coverage: ratio(completed.length, resolved.length),
    },
    satisfaction: levels.map((key) => ({ key, count: completed.filter((f) => f.satisfaction === key).length })),
  };
}
