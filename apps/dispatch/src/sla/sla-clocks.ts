import { Severity, SlaClock } from '@pc/contracts';

const HOUR_MS = 3_600_000;

/** The fixed-length clocks of dispatch (domain.md §2–3); REPLY comes from intake, computed on the site calendar. */
export const SLA_DURATIONS_MS = {
  PLAN: HOUR_MS,
  FEEDBACK: 24 * HOUR_MS,
  REPORT_TO_HEAD: 10 * 60_000,
  SOLUTION_AGREED: 12 * HOUR_MS,
  MAJOR_UPGRADE: 10 * 24 * HOUR_MS,
  CONTRACTOR_ARRIVAL: 4 * HOUR_MS,
} as const;

export interface ClockStart {
  clock: SlaClock;
  dueAt: Date;
}

const after = (from: Date, ms: number): Date => new Date(from.getTime() + ms);

/**
 * The clocks a new work order starts with (domain.md §2–3):
 * - every department: PLAN, 1 hour from receipt by the department, to write and sign off a plan;
 * - the lead department also carries the customer-facing clocks, counted from intake:
 *   REPLY (as intake set it), and for a minor complaint FEEDBACK (24 h) and MAJOR_UPGRADE (10 days
 *   unresolved → major); for a major one REPORT_TO_HEAD (10 min) and SOLUTION_AGREED (12 h).
 */
export function initialClocks(args: {
  lead: boolean;
  severity: Severity;
  receivedAt: Date;
  replyDueAt: Date;
  departmentReceivedAt: Date;
}): ClockStart[] {
  const clocks: ClockStart[] = [{ clock: SlaClock.PLAN, dueAt: after(args.departmentReceivedAt, SLA_DURATIONS_MS.PLAN) }];
  if (!args.lead) return clocks;
  clocks.push({ clock: SlaClock.REPLY, dueAt: args.replyDueAt });
  if (args.severity === Severity.MAJOR) {
    clocks.push(
      { clock: SlaClock.REPORT_TO_HEAD, dueAt: after(args.receivedAt, SLA_DURATIONS_MS.REPORT_TO_HEAD) },
      { clock: SlaClock.SOLUTION_AGREED, dueAt: after(args.receivedAt, SLA_DURATIONS_MS.SOLUTION_AGREED) },
    );
  } else {
    clocks.push(
      { clock: SlaClock.FEEDBACK, dueAt: after(args.receivedAt, SLA_DURATIONS_MS.FEEDBACK) },
      { clock: SlaClock.MAJOR_UPGRADE, dueAt: after(args.receivedAt, SLA_DURATIONS_MS.MAJOR_UPGRADE) },
    );
  }
  return clocks;
}

/** Closing a clock at `at`: met; if that is after its due time it was also breached at due time. */
export function closeClock(d: { dueAt: Date; metAt?: Date | null; breachedAt?: Date | null }, at: Date): void {
  if (d.metAt) return;
  d.metAt = at;
  if (!d.breachedAt && at.getTime() > d.dueAt.getTime()) d.breachedAt = d.dueAt;
}

/**
 * A complaint that became major (rule A by a repeat, rule D after 10 days) starts the major clocks
 * from the moment of the upgrade: report to the head in 10 minutes, agree a solution in 12 hours.
 */
export function majorClocks(from: Date): ClockStart[] {
  return [
    { clock: SlaClock.REPORT_TO_HEAD, dueAt: after(from, SLA_DURATIONS_MS.REPORT_TO_HEAD) },
    { clock: SlaClock.SOLUTION_AGREED, dueAt: after(from, SLA_DURATIONS_MS.SOLUTION_AGREED) },
  ];
}

/**
 * A reopened work order (rework after a dissatisfied callback) gets a new round of clocks from the
 * moment it comes back: a new plan in 1 hour; for the lead department feedback to the customer in
 * 24 hours (minor) or an agreed solution in 12 hours (major).
 */
export function reworkClocks(args: { lead: boolean; severity: Severity; at: Date }): ClockStart[] {
  const clocks: ClockStart[] = [{ clock: SlaClock.PLAN, dueAt: after(args.at, SLA_DURATIONS_MS.PLAN) }];
  if (!args.lead) return clocks;
  clocks.push(
    args.severity === Severity.MAJOR
      ? { clock: SlaClock.SOLUTION_AGREED, dueAt: after(args.at, SLA_DURATIONS_MS.SOLUTION_AGREED) }
      : { clock: SlaClock.FEEDBACK, dueAt: after(args.at, SLA_DURATIONS_MS.FEEDBACK) },
  );
  return clocks;
}

export const contractorArrivalClock = (issuedAt: Date): ClockStart => ({
  clock: SlaClock.CONTRACTOR_ARRIVAL,
  dueAt: after(issuedAt, SLA_DURATIONS_MS.CONTRACTOR_ARRIVAL),
});
