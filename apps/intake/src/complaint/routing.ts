import { Category, Department } from '@pc/contracts';

/**
 * domain.md §2 routing: the lead department for each category. Staff attitude / service quality
 * → quality; building, fit-out, equipment → engineering; fees → finance; safety, access, parking,
 * noise → security; hygiene, waste, green areas → cleaning; compensation or complaints against a
 * manager → leadership. OTHER goes to quality, which owns service quality as a whole.
 */
export const DEFAULT_ROUTING: Readonly<Record<Category, Department>> = Object.freeze({
  [Category.SERVICE_ATTITUDE]: Department.QUALITY,
  [Category.SERVICE_QUALITY]: Department.QUALITY,
  [Category.BUILDING]: Department.ENGINEERING,
  [Category.FIT_OUT]: Department.ENGINEERING,
  [Category.EQUIPMENT]: Department.ENGINEERING,
  [Category.FEES]: Department.FINANCE,
  [Category.SAFETY]: Department.SECURITY,
  [Category.ACCESS]: Department.SECURITY,
  [Category.PARKING]: Department.SECURITY,
  [Category.NOISE]: Department.SECURITY,
  [Category.HYGIENE]: Department.CLEANING,
  [Category.WASTE]: Department.CLEANING,
  [Category.GREENERY]: Department.CLEANING,
  [Category.COMPENSATION]: Department.LEADERSHIP,
  [Category.MANAGER_CONDUCT]: Department.LEADERSHIP,
  [Category.OTHER]: Department.QUALITY,
});

/**
 * The departments a complaint goes to, lead first, co-handlers after (no repeats). `orgRule` is the
 * organisation's own routing of the category (lead first), when it has one; the case's own
 * co-handlers are added after the rule's.
 */
export function routeComplaint(
  category: Category,
  coHandlers: readonly Department[] = [],
  orgRule?: readonly Department[] | null,
): Department[] {
  const rule = orgRule?.length ? orgRule : [DEFAULT_ROUTING[category]];
  return [...new Set([...rule, ...coHandlers])];
}
