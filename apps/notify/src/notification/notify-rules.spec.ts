import { Category, DeliveryChannel, Department, EscalationLevel, NotificationKind, Role, SlaClock } from '@pc/contracts';
import { releaseAfterQuietHours, retryDelayMs } from '../delivery/delivery-rules';
import { channelsFor, nextLadderStep, plansFor, resolveAudience, type AudienceContext } from './notify-rules';

const staff = [
  { id: 'am', roles: [Role.AREA_MANAGER], sites: ['s1'], active: true },
  { id: 'head', roles: [Role.SITE_HEAD], sites: ['s1'], active: true },
  { id: 'head-2', roles: [Role.SITE_HEAD], sites: ['s2'], active: true },
  { id: 'eng-head', roles: [Role.DEPARTMENT_HEAD], department: Department.ENGINEERING, sites: ['*'], active: true },
  { id: 'sec-head', roles: [Role.DEPARTMENT_HEAD], department: Department.SECURITY, sites: ['*'], active: true },
  { id: 'lead', roles: [Role.LEADERSHIP], sites: ['*'], active: true },
  { id: 'gone', roles: [Role.LEADERSHIP], sites: ['*'], active: false },
  { id: 'duty-1', roles: [Role.COMPLAINT_REP], sites: ['s1'], active: true },
  { id: 'director', roles: [Role.AREA_MANAGER], sites: ['s1'], active: true },
  { id: 'handler', roles: [Role.DEPARTMENT_STAFF], department: Department.ENGINEERING, sites: ['s1'], active: true },
];
const ctx = (over: Partial<AudienceContext> = {}): AudienceContext => ({
  siteId: 's1',
  areaManagerId: 'am',
  handlerIds: ['handler'],
  duty: { staffIds: ['duty-1'], directorId: 'director' },
  staff,
  ...over,
});
const people = (kind: NotificationKind, over: Partial<Parameters<typeof plansFor>[0]> = {}) =>
  plansFor({ kind, ...over }).map((p) => ({ to: resolveAudience(p.to, ctx()), ack: p.ackRequired }));

describe('who is told (domain.md §6)', () => {
  it('a major complaint: the area manager at once; the asset-management head must acknowledge within 10 minutes', () => {
    const plans = plansFor({ kind: NotificationKind.MAJOR_COMPLAINT });
    expect(people(NotificationKind.MAJOR_COMPLAINT)).toEqual([
      { to: ['am'], ack: false },
      { to: ['head'], ack: true },
    ]);
    expect(plans[1].ackWithinMinutes).toBe(10);
  });

  it('a major complaint not acknowledged in time goes to the duty director, then company leadership', () => {
    const { ladder } = plansFor({ kind: NotificationKind.MAJOR_COMPLAINT })[1];
    expect(nextLadderStep(ladder, 0, ctx())).toEqual({ step: 0, people: ['director'] });
    expect(nextLadderStep(ladder, 1, ctx())).toEqual({ step: 1, people: ['lead'] });
    expect(nextLadderStep(ladder, 2, ctx())).toBeUndefined();
  });

  it('the ladder skips a step nobody fills (no duty director named for the day)', () => {
    const { ladder } = plansFor({ kind: NotificationKind.MAJOR_COMPLAINT })[1];
    expect(nextLadderStep(ladder, 0, ctx({ duty: { staffIds: [], directorId: null } }))).toEqual({ step: 1, people: ['lead'] });
  });

  it('a deadline about to pass or passed: the named handler and the department head; a passed 12-hour solution goes to the head too', () => {
    expect(people(NotificationKind.DEADLINE_WARNING, { department: Department.ENGINEERING }).map((p) => p.to)).toEqual([
      ['handler'],
      ['eng-head'],
    ]);
    expect(people(NotificationKind.DEADLINE_BREACHED, { department: Department.SECURITY, clock: SlaClock.PLAN }).map((p) => p.to)).toEqual([
      ['handler'],
      ['sec-head'],
    ]);
    expect(
      people(NotificationKind.DEADLINE_BREACHED, { department: Department.ENGINEERING, clock: SlaClock.SOLUTION_AGREED }).map((p) => p.to),
    ).toEqual([['handler'], ['eng-head'], ['head']]);
  });

  it('an emergency goes up the chain at once: duty staff, site head (acknowledges), leadership', () => {
    expect(people(NotificationKind.EMERGENCY)).toEqual([
      { to: ['duty-1'], ack: false },
      { to: ['head'], ack: true },
      { to: ['lead'], ack: false },
    ]);
  });

  it('an escalation to leadership tells the department head, the site head and leadership', () => {
    expect(
      people(NotificationKind.ESCALATED, { department: Department.ENGINEERING, escalatedTo: EscalationLevel.LEADERSHIP }).map((p) => p.to),
    ).toEqual([['eng-head'], ['head'], ['lead']]);
  });

  it('a callback due goes to whoever must make it; a dissatisfied one to the area manager and the department head', () => {
    expect(people(NotificationKind.CALLBACK_DUE, { assignee: 'duty-1' })).toEqual([{ to: ['duty-1'], ack: false }]);
    expect(people(NotificationKind.DISSATISFIED, { department: Department.ENGINEERING }).map((p) => p.to)).toEqual([['am'], ['eng-head']]);
  });

  it('a notice goes to the site head; a survey follow-up overdue to its owner too (domain.md §4)', () => {
    expect(people(NotificationKind.NOTICE).map((p) => p.to)).toEqual([['head']]);
    expect(people(NotificationKind.NOTICE, { assignee: 'duty-1' }).map((p) => p.to)).toEqual([['duty-1'], ['head']]);
  });

  it('a complaint about a manager or department head is never sent to the person it is about: leadership only', () => {
    const plans = plansFor({ kind: NotificationKind.MAJOR_COMPLAINT, category: Category.MANAGER_CONDUCT });
    expect(plans.map((p) => resolveAudience(p.to, ctx()))).toEqual([['lead']]);
    expect(plans[0].ackRequired).toBe(true);
    const breach = plansFor({
      kind: NotificationKind.DEADLINE_BREACHED,
      category: Category.MANAGER_CONDUCT,
      department: Department.LEADERSHIP,
    });
    expect(breach.flatMap((p) => resolveAudience(p.to, ctx()))).toEqual(['lead']);
  });

  it('people no longer active, or of another site, are never told', () => {
    expect(resolveAudience({ of: 'LEADERSHIP' }, ctx())).not.toContain('gone');
    expect(resolveAudience({ of: 'SITE_HEAD' }, ctx())).not.toContain('head-2');
  });

  it('an ADMIN override changes the time to acknowledge of a kind', () => {
    expect(plansFor({ kind: NotificationKind.MAJOR_COMPLAINT }, { MAJOR_COMPLAINT: 5 })[1].ackWithinMinutes).toBe(5);
  });
});

describe('how they are reached (domain.md §6)', () => {
  it('the console always, then the chosen channels in order (default: e-mail)', () => {
    expect(channelsFor(NotificationKind.DEADLINE_WARNING, undefined)).toEqual([DeliveryChannel.IN_APP, DeliveryChannel.EMAIL]);
    expect(channelsFor(NotificationKind.EMERGENCY, { channels: { EMERGENCY: [DeliveryChannel.SMS, DeliveryChannel.EMAIL] } })).toEqual([
      DeliveryChannel.IN_APP,
      DeliveryChannel.SMS,
      DeliveryChannel.EMAIL,
    ]);
  });

  it('quiet hours hold an outside message until they end, across midnight', () => {
    const at = new Date('2026-12-07T15:00:00Z');
    expect(releaseAfterQuietHours(at, 23 * 60, '22:00', '07:00').toISOString()).toBe('2026-12-07T23:00:00.000Z');
    expect(releaseAfterQuietHours(at, 12 * 60, '22:00', '07:00')).toBe(at);
    expect(releaseAfterQuietHours(at, 12 * 60, null, null)).toBe(at);
  });

  it('retries back off exponentially with jitter, capped at 10 minutes', () => {
    expect(retryDelayMs(1, () => 0)).toBe(2_500);
    expect(retryDelayMs(1, () => 1)).toBe(5_000);
    expect(retryDelayMs(3, () => 1)).toBe(20_000);
    expect(retryDelayMs(20, () => 1)).toBe(600_000);
  });
});
