import { Category, DeliveryChannel, Department, EscalationLevel, NotificationKind, Role, SlaClock } from '@pc/contracts';

/**
 * Who is told, of what, and who must acknowledge by when (domain.md §6). Pure functions: the
 * consumer turns an event into a trigger, these rules turn the trigger into audiences, and the
 * directory, the roster and the case turn audiences into people.
 */

/** A group of people, resolved at send time (from the staff directory, the duty roster and the case). */
export type Audience =
  | { of: 'AREA_MANAGER' }
  | { of: 'SITE_HEAD' }
  | { of: 'HANDLER' }
  | { of: 'DEPARTMENT_HEAD'; department: Department }
  | { of: 'DUTY_STAFF' }
  | { of: 'DUTY_DIRECTOR' }
  | { of: 'LEADERSHIP' }
  | { of: 'USER'; userId: string };

/** One message of a trigger: to whom, and whether (and by when) they must acknowledge it. */
export interface MessagePlan {
  to: Audience;
  ackRequired: boolean;
  /** Minutes to acknowledge before the ladder's next step is told. */
  ackWithinMinutes?: number;
  /** Who is told, in turn, while nobody acknowledges (each step with the same time to acknowledge). */
  ladder: Audience[];
}

/** What happened, as the rules need it (built from an event by the consumer). */
export interface Trigger {
  kind: NotificationKind;
  department?: Department;
  clock?: SlaClock;
  /** The case's category: a complaint about a manager's conduct is for leadership only. */
  category?: Category;
  /** ESCALATED: the level the case went up to. */
  escalatedTo?: EscalationLevel;
  /** CALLBACK_DUE: whoever must make it; NOTICE: whoever it is about (a follow-up plan's owner). */
  assignee?: string;
}

/** Kinds that ignore quiet hours (domain.md §6: a case is never left waiting for someone to look). */
export const URGENT_KINDS: ReadonlySet<NotificationKind> = new Set([
  NotificationKind.MAJOR_COMPLAINT,
  NotificationKind.EMERGENCY,
  NotificationKind.DEADLINE_BREACHED,
  NotificationKind.UNACKNOWLEDGED,
]);

/** The time to acknowledge a major complaint: the asset-management head within 10 minutes (REPORT_TO_HEAD). */
export const HEAD_ACK_MINUTES = 10;
/** An incoming shift acknowledges the handover within this time, else the duty director is told. */
export const HANDOVER_ACK_MINUTES = 30;

const DIRECTOR_THEN_LEADERSHIP: Audience[] = [{ of: 'DUTY_DIRECTOR' }, { of: 'LEADERSHIP' }];
const told = (to: Audience): MessagePlan => ({ to, ackRequired: false, ladder: [] });
const mustAcknowledge = (to: Audience, minutes: number, ladder: Audience[]): MessagePlan => ({
  to,
  ackRequired: true,
  ackWithinMinutes: minutes,
  ladder,
});

/** Per-organisation overrides an ADMIN sets: minutes to acknowledge per kind. */
export type AckOverrides = Partial<Record<NotificationKind, number>>;

/**
 * Rule (domain.md §6): which people a trigger reaches, and who must acknowledge.
 * - a major complaint: the area manager at once; the asset-management head must acknowledge within
 *   10 minutes, else the duty director, then company leadership;
 * - a deadline at 50 % / 80 % of its time, or passed: the named handler and the department head; a
 *   passed SOLUTION_AGREED (12 hours) or REPORT_TO_HEAD goes to the head at once as well;
 * - an escalation: the department head, and the site head or leadership when it went up to them;
 * - an emergency: at once up the chain — duty staff, site head (who must acknowledge, else the duty
 *   director), leadership;
 * - a callback due: whoever must make it; a dissatisfied callback: the area manager and the
 *   responsible department's head; a contractor no-show: the department head and the site head;
 * - a notice (a shift with nobody on duty in the week ahead): the site head;
 * - a complaint about a manager's or head's conduct reaches leadership only: it is never shown or
 *   sent to the person it is about.
 */
export function plansFor(t: Trigger, overrides: AckOverrides = {}): MessagePlan[] {
  const ack = (minutes: number) => overrides[t.kind] ?? minutes;
  const dept = t.department ?? Department.ENGINEERING;
  let plans: MessagePlan[];
  switch (t.kind) {
    case NotificationKind.MAJOR_COMPLAINT:
      plans = [told({ of: 'AREA_MANAGER' }), mustAcknowledge({ of: 'SITE_HEAD' }, ack(HEAD_ACK_MINUTES), DIRECTOR_THEN_LEADERSHIP)];
      break;
    case NotificationKind.DEADLINE_WARNING:
      plans = [told({ of: 'HANDLER' }), told({ of: 'DEPARTMENT_HEAD', department: dept })];
      break;
    case NotificationKind.DEADLINE_BREACHED:
      plans = [told({ of: 'HANDLER' }), told({ of: 'DEPARTMENT_HEAD', department: dept })];
      if (t.clock === SlaClock.SOLUTION_AGREED || t.clock === SlaClock.REPORT_TO_HEAD) plans.push(told({ of: 'SITE_HEAD' }));
      break;
    case NotificationKind.ESCALATED:
      plans = [told({ of: 'DEPARTMENT_HEAD', department: dept })];
      if (t.escalatedTo === EscalationLevel.SITE_HEAD) plans.push(told({ of: 'SITE_HEAD' }));
      if (t.escalatedTo === EscalationLevel.LEADERSHIP) plans.push(told({ of: 'SITE_HEAD' }), told({ of: 'LEADERSHIP' }));
      break;
    case NotificationKind.EMERGENCY:
      plans = [
        told({ of: 'DUTY_STAFF' }),
        mustAcknowledge({ of: 'SITE_HEAD' }, ack(HEAD_ACK_MINUTES), DIRECTOR_THEN_LEADERSHIP),
        told({ of: 'LEADERSHIP' }),
      ];
      break;
    case NotificationKind.CALLBACK_DUE:
      plans = t.assignee ? [told({ of: 'USER', userId: t.assignee })] : [told({ of: 'AREA_MANAGER' })];
      break;
    case NotificationKind.DISSATISFIED:
      plans = [told({ of: 'AREA_MANAGER' }), told({ of: 'DEPARTMENT_HEAD', department: dept })];
      break;
    case NotificationKind.CONTRACTOR_NO_SHOW:
      plans = [told({ of: 'DEPARTMENT_HEAD', department: dept }), told({ of: 'SITE_HEAD' })];
      break;
    case NotificationKind.LIAISON_LETTER:
      plans = [told({ of: 'DEPARTMENT_HEAD', department: dept })];
      break;
    case NotificationKind.NOTICE:
      // a shift with nobody on duty in the week ahead; a month without an owners' committee meeting;
      // a survey follow-up plan overdue (its owner too)
      plans = [...(t.assignee ? [told({ of: 'USER', userId: t.assignee })] : []), told({ of: 'SITE_HEAD' })];
      break;
    case NotificationKind.SHIFT_HANDOVER:
      plans = [mustAcknowledge({ of: 'DUTY_STAFF' }, ack(HANDOVER_ACK_MINUTES), [{ of: 'DUTY_DIRECTOR' }])];
      break;
    default:
      plans = [];
  }
  if (t.category === Category.MANAGER_CONDUCT) {
    // the complaint may be about any manager or head of the site: only leadership hears of it
    const forLeadership = plans.filter((p) => p.to.of === 'LEADERSHIP');
    return forLeadership.length ? forLeadership : [{ ...told({ of: 'LEADERSHIP' }), ackRequired: plans.some((p) => p.ackRequired) }];
  }
  return plans;
}

/** A staff user as the directory knows them. */
export interface StaffEntry {
  id: string;
  roles: Role[];
  department?: Department | null;
  sites: string[];
  active: boolean;
}

/** What the audiences of one case resolve against. */
export interface AudienceContext {
  siteId: string;
  areaManagerId?: string | null;
  handlerIds: string[];
  duty: { staffIds: string[]; directorId?: string | null };
  staff: StaffEntry[];
}

const worksAt = (s: StaffEntry, siteId: string) => s.active && (s.sites.includes('*') || s.sites.includes(siteId));
const withRole = (ctx: AudienceContext, role: Role, department?: Department) =>
  ctx.staff
    .filter((s) => worksAt(s, ctx.siteId) && s.roles.includes(role) && (!department || s.department === department))
    .map((s) => s.id);

/** Rule: an audience's people at the case's site (active staff only; nobody twice). */
export function resolveAudience(a: Audience, ctx: AudienceContext): string[] {
  const active = (ids: (string | null | undefined)[]) =>
    [...new Set(ids.filter((id): id is string => Boolean(id)))].filter((id) => ctx.staff.find((s) => s.id === id)?.active ?? false);
  switch (a.of) {
    case 'AREA_MANAGER':
      return active([ctx.areaManagerId]);
    case 'SITE_HEAD':
      return withRole(ctx, Role.SITE_HEAD);
    case 'HANDLER':
      return active(ctx.handlerIds);
    case 'DEPARTMENT_HEAD':
      return withRole(ctx, Role.DEPARTMENT_HEAD, a.department);
    case 'DUTY_STAFF':
      return active(ctx.duty.staffIds);
    case 'DUTY_DIRECTOR':
      return active([ctx.duty.directorId]);
    case 'LEADERSHIP':
      return withRole(ctx, Role.LEADERSHIP);
    case 'USER':
      return active([a.userId]);
  }
}

/**
 * Rule: the ladder skips a step nobody fills (no duty director named for the day) and goes on to the
 * next; answers the step's index and its people, or undefined at the top of the ladder.
 */
export function nextLadderStep(ladder: Audience[], from: number, ctx: AudienceContext): { step: number; people: string[] } | undefined {
  for (let step = from; step < ladder.length; step++) {
    const people = resolveAudience(ladder[step], ctx);
    if (people.length) return { step, people };
  }
  return undefined;
}

/** A recipient's channel choices (per kind) and quiet hours; none set: in the console and by e-mail. */
export interface Preferences {
  channels?: Partial<Record<NotificationKind, DeliveryChannel[]>>;
  /** `HH:MM`–`HH:MM` in the recipient's time zone; outside channels wait until it ends (urgent kinds do not). */
  quietStart?: string | null;
  quietEnd?: string | null;
}

export const DEFAULT_PERSONAL_CHANNELS: readonly DeliveryChannel[] = [DeliveryChannel.IN_APP, DeliveryChannel.EMAIL];

/** Rule: the channels a person is reached on for a kind, in order (the console always; the rest fall back in turn). */
export function channelsFor(kind: NotificationKind, prefs: Preferences | undefined): DeliveryChannel[] {
  const chosen = prefs?.channels?.[kind] ?? DEFAULT_PERSONAL_CHANNELS;
  return [DeliveryChannel.IN_APP, ...chosen.filter((c) => c !== DeliveryChannel.IN_APP)];
}
