import { Category, Circumstance, ComplaintStatus, Severity } from '@pc/contracts';
import { addWorkingDays, type WorkingCalendar } from '@pc/calendar';

/** domain.md §2 urgency: an urgent complaint is answered within 2 hours. */
export const URGENT_REPLY_MS = 2 * 3_600_000;

/** domain.md §2 severity: major when any of circumstances A–C applies, minor otherwise. */
export function severityOf(circumstances: readonly Circumstance[]): Severity {
  return circumstances.length > 0 ? Severity.MAJOR : Severity.MINOR;
}

/**
 * domain.md §2 urgency → the REPLY deadline. A reply time the customer named takes precedence;
 * otherwise urgent (serious or not) → 2 hours, not urgent → 2 working days on the site calendar.
 */
export function replyDueAt(args: { receivedAt: Date; urgent: boolean; requestedReplyBy?: Date | null; calendar: WorkingCalendar }): Date {
  if (args.requestedReplyBy) return args.requestedReplyBy;
  if (args.urgent) return new Date(args.receivedAt.getTime() + URGENT_REPLY_MS);
  return addWorkingDays(args.receivedAt, 2, args.calendar);
}

/** domain.md §1 validity: an invalid complaint is owed a reasoned reply within 1 working day. */
export function invalidReplyDueAt(receivedAt: Date, calendar: WorkingCalendar): Date {
  return addWorkingDays(receivedAt, 1, calendar);
}

/** The parts of a complaint that tell whether two complaints are about the same matter. */
export interface MatterKey {
  customerId: string;
  siteId: string;
  unitId?: string | null;
  areaId?: string | null;
  category: Category;
}

/**
 * domain.md §2 rule A, detected by itself: the same customer raising the same matter again while
 * the earlier complaint is unresolved. "Same matter" = same customer, same site, same category and
 * the same place (the same unit, or the same area of a public space). An earlier complaint that was
 * resolved, rejected or closed is not "unresolved"; a repeat of such a matter is linked explicitly
 * with `repeatOf` by the person taking the case.
 */
export function isSameUnresolvedMatter(earlier: MatterKey & { status: ComplaintStatus }, now: MatterKey): boolean {
  return (
    earlier.status === ComplaintStatus.OPEN &&
    earlier.customerId === now.customerId &&
    earlier.siteId === now.siteId &&
    earlier.category === now.category &&
    (now.unitId ? earlier.unitId === now.unitId : !earlier.unitId && (earlier.areaId ?? null) === (now.areaId ?? null))
  );
}
