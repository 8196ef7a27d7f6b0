import { Circumstance, SLA_DURATIONS_MS, Severity } from '@pc/contracts';
import { addWorkingDays, type WorkingCalendar } from '@pc/platform';

/** domain.md §2 severity: major when any of circumstances A–C applies, minor otherwise. */
export function severityOf(circumstances: readonly Circumstance[]): Severity {
  return circumstances.length > 0 ? Severity.MAJOR : Severity.MINOR;
}

/**
 * domain.md §2 urgency → the REPLY deadline. A reply time the customer named takes precedence;
 * otherwise urgent (serious or not) → 2 hours, not urgent → 2 working days on the site calendar.
 */
export function replyDueAt(args: {
  receivedAt: Date;
  urgent: boolean;
  requestedReplyBy?: Date | null;
  calendar: WorkingCalendar;
}): Date {
  if (args.requestedReplyBy) return args.requestedReplyBy;
  if (args.urgent) return new Date(args.receivedAt.getTime() + SLA_DURATIONS_MS.URGENT_REPLY);
  return addWorkingDays(args.receivedAt, 2, args.calendar);
}
