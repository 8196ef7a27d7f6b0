import { nextMonth, startOfLocalDate } from '@pc/calendar';
import { buildingOf } from '../registry/registry-rules';
import type { NoticeAudience, PlanActivity } from './relationship.entities';

/** Rule (domain.md §7, one committee meeting a month): a month's meeting is overdue when the month has ended in the site's time zone. */
export const committeeMonthEnds = (month: string, timeZone: string): Date => startOfLocalDate(`${nextMonth(month)}-01`, timeZone);

/**
 * Rule (domain.md §7): a notice is for the whole site, or for the units of its areas, buildings and
 * listed units (any mix). Answers the unit ids (null: the whole site); an audience that names nothing,
 * or whose names match no unit of the site, is empty.
 */
export function noticeUnits(
  audience: NoticeAudience,
  units: { id: string; areaId: string; name: string; building?: string | null }[],
): string[] | null {
  if (audience.wholeSite) return null;
  const chosen = units.filter(
    (u) =>
      audience.areaIds.includes(u.areaId) ||
      audience.unitIds.includes(u.id) ||
      (audience.buildings.length > 0 && audience.buildings.includes(buildingOf(u) ?? '\u0000')),
  );
  return chosen.map((u) => u.id).sort();
}

/**
 * Rule: the residents a notice reaches — the customers whose own unit, or a unit they hold now (not
 * moved out), is in the audience; each once, with their phone.
 */
export function noticeRecipients(
  unitIds: string[] | null,
  customers: { id: string; phone: string; unitId?: string | null }[],
  holdings: { customerId: string; unitId: string; movedOutOn?: string | null }[],
): { customerId: string; phone: string }[] {
  const inAudience = (unitId: string | null | undefined) => Boolean(unitId) && (unitIds === null || unitIds.includes(unitId as string));
  const held = new Set(holdings.filter((h) => !h.movedOutOn && inAudience(h.unitId)).map((h) => h.customerId));
  return customers
    .filter((c) => c.phone && (inAudience(c.unitId) || held.has(c.id) || (unitIds === null && !c.unitId)))
    .map((c) => ({ customerId: c.id, phone: c.phone }))
    .sort((a, b) => a.customerId.localeCompare(b.customerId));
}

/** Splits a list into parts of at most `size` (a large audience is sent as several messages). */
export const chunked = <T>(list: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

export interface PlanSummary {
  activitiesPlanned: number;
  activitiesDone: number;
  budgetYuan: number;
  /** What the activities' own budgets add up to (the plan's money plan). */
  activityBudgetYuan: number;
  spentYuan: number;
  signedUp: number;
  attended: number;
}

/** Rule (domain.md §7, what was done against the plan): counts, money planned and spent, sign-up and attendance. */
export function summarisePlan(plan: { budgetYuan: number; activities: PlanActivity[] }): PlanSummary {
  const a = plan.activities;
  return {
    activitiesPlanned: a.length,
    activitiesDone: a.filter((x) => x.done).length,
    budgetYuan: plan.budgetYuan,
    activityBudgetYuan: a.reduce((s, x) => s + x.budgetYuan, 0),
    spentYuan: a.reduce((s, x) => s + x.spentYuan, 0),
    signedUp: a.reduce((s, x) => s + x.signedUp, 0),
    attended: a.reduce((s, x) => s + x.attended, 0),
  };
}
