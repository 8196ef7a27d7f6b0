import { SlaClock } from '@pc/contracts';
import { buckets, caseKeyOf, foldCase, purgeAtFor, type StoredEvent } from './case-fold';
import { monthEnd } from './read-model-store';

const zone = () => 'Asia/Shanghai';
let n = 0;
const ev = (subject: string, occurredAt: string, payload: Record<string, unknown>, actor = 'system'): StoredEvent => ({
  eventId: `e${String(++n).padStart(3, '0')}`,
  subject,
  orgId: 'o',
  occurredAt,
  actor,
  payload: { orgId: 'o', siteId: 's', complaintId: 'c', ...payload },
});
const intake = {
  areaId: 'a',
  customerId: 'x',
  channel: 'PHONE',
  category: 'EQUIPMENT',
  severity: 'MINOR',
  circumstances: [],
  serious: false,
  urgent: false,
  departments: ['ENGINEERING'],
  receivedAt: '2026-10-31T17:00:00.000Z', // 1 November in Shanghai
  receivedBy: 'd',
  replyDueAt: '2026-11-02T17:00:00.000Z',
  timeZone: 'Asia/Shanghai',
};
const history = (): StoredEvent[] => [
  ev('complaint.filed', '2026-10-31T17:00:00.000Z', intake, 'desk'),
  ev('workorder.created', '2026-10-31T17:00:01.000Z', {
    workOrderId: 'w',
    department: 'ENGINEERING',
    lead: true,
    createdAt: '2026-10-31T17:00:01.000Z',
    deadlines: [
      { clock: 'PLAN', dueAt: '2026-10-31T18:00:00.000Z' },
      { clock: 'FEEDBACK', dueAt: '2026-11-01T17:00:00.000Z' },
    ],
  }),
  ev('sla.breached', '2026-11-01T17:00:01.000Z', {
    workOrderId: 'w',
    department: 'ENGINEERING',
    clock: 'FEEDBACK',
    dueAt: '2026-11-01T17:00:00.000Z',
    breachedAt: '2026-11-01T17:00:00.000Z',
  }),
  ev('workorder.resolved', '2026-11-02T01:00:00.000Z', {
    workOrderId: 'w',
    department: 'ENGINEERING',
    resolvedAt: '2026-11-02T01:00:00.000Z',
    cause: 'EQUIPMENT_FAILURE',
    deadlines: [
      { clock: 'PLAN', dueAt: '2026-10-31T18:00:00.000Z', metAt: '2026-10-31T17:30:00.000Z', round: 1 },
      { clock: 'FEEDBACK', dueAt: '2026-11-01T17:00:00.000Z', metAt: '2026-11-02T01:00:00.000Z', round: 1 },
    ],
  }),
  ev('complaint.resolved', '2026-11-02T01:00:00.100Z', {
    areaId: 'a',
    severity: 'MINOR',
    category: 'EQUIPMENT',
    resolvedAt: '2026-11-02T01:00:00.000Z',
    resolvedBy: 'eng',
    takenBy: 'desk',
    atIntake: false,
  }),
  ev('workorder.reopened', '2026-11-03T01:00:00.000Z', {
    workOrderId: 'w',
    department: 'ENGINEERING',
    round: 2,
    reopenedAt: '2026-11-03T01:00:00.000Z',
    deadlines: [{ clock: 'PLAN', dueAt: '2026-11-03T02:00:00.000Z', round: 2 }],
  }),
  ev('callback.scheduled', '2026-11-02T01:00:01.000Z', {
    callbackId: 'cb',
    kind: 'COMPLAINT',
    dueAt: '2026-11-03T01:00:00.000Z',
    assignee: 'desk',
    resolvedAt: '2026-11-02T01:00:00.000Z',
    round: 1,
  }),
  ev('callback.completed', '2026-11-02T09:00:00.000Z', {
    callbackId: 'cb',
    kind: 'COMPLAINT',
    completedAt: '2026-11-02T09:00:00.000Z',
    satisfaction: 'DISSATISFIED',
    onTime: true,
  }),
];

/** All orders of a short list are too many; these cover reversed, rotated and interleaved arrivals. */
function orders<T>(list: T[]): T[][] {
  const out = [list, [...list].reverse()];
  for (let i = 1; i < list.length; i++) out.push([...list.slice(i), ...list.slice(0, i)]);
  out.push([...list.filter((_, i) => i % 2), ...list.filter((_, i) => !(i % 2))]);
  return out;
}

describe('domain.md §5 read model: a case folded from its events', () => {
  it('gives the same rows whatever order the events arrived in (projection in any order across subjects)', () => {
    const events = history();
    const expected = foldCase(events, zone);
    for (const order of orders(events)) expect(foldCase(order, zone)).toEqual(expected);
  });

  it('buckets a complaint in the month, day and week of its receipt in the site’s time zone', () => {
    const [c] = foldCase(history(), zone).complaints;
    expect(c).toMatchObject({ month: '2026-11', day: '2026-11-01', week: '2026-10-26' });
    expect(buckets('2026-11-01T16:00:00.000Z', 'Asia/Shanghai')).toEqual({ day: '2026-11-02', month: '2026-11', week: '2026-11-02' });
  });

  it('keeps every clock of every round apart: met on time, met late (breached first), open in the rework round', () => {
    const rows = foldCase(history(), zone).deadlines.map((d) => [d.round, d.clock, d.outcome]);
    expect(rows).toEqual(
      expect.arrayContaining([
        [1, SlaClock.PLAN, 'MET_ON_TIME'],
        [1, SlaClock.FEEDBACK, 'MET_LATE'],
        [2, SlaClock.PLAN, 'OPEN'],
      ]),
    );
    expect(rows).toHaveLength(3);
  });

  it('counts rework rounds and the cause; callbacks fall in the month of their resolution', () => {
    const rows = foldCase(history(), zone);
    expect(rows.workOrders[0]).toMatchObject({ round: 2, status: 'REOPENED', cause: 'EQUIPMENT_FAILURE' });
    expect(rows.complaints[0]).toMatchObject({ rounds: 2, planMinutes: null, resolveMinutes: 32 * 60, cause: 'EQUIPMENT_FAILURE' });
    expect(rows.callbacks[0]).toMatchObject({ month: '2026-11', status: 'DONE', satisfaction: 'DISSATISFIED' });
  });

  it('waits for the intake record before it counts a complaint (a work order may arrive first)', () => {
    const rows = foldCase(history().slice(1), zone);
    expect(rows.complaints).toEqual([]);
    expect(rows.deadlines).toEqual([]);
    expect(rows.callbacks).toHaveLength(1); // its own month, from its resolution
  });

  it('archives a closed complaint for two years; a purge drops the file and the customer', () => {
    const closedAt = '2026-11-05T01:00:00.000Z';
    const closed = [
      ...history(),
      ev('workorder.recorded', closedAt, {
        workOrderId: 'w',
        department: 'ENGINEERING',
        lead: true,
        step: 'CLOSED',
        status: 'CLOSED',
        round: 2,
        revision: 9,
        escalationLevel: 'HANDLER',
        at: closedAt,
        closedAt,
        progress: [],
        extensions: [],
        deadlines: [],
      }),
    ];
    const rows = foldCase(closed, zone);
    expect(rows.complaints[0].closedAt).toBe(closedAt);
    expect(rows.archives).toHaveLength(1);
    expect(rows.archives[0].purgeAt).toBe(purgeAtFor(closedAt));
    expect(purgeAtFor(closedAt)).toBe('2028-11-05T01:00:00.000Z');
    const purged = foldCase(
      [...closed, ev('archive.purged', '2028-11-05T01:00:00.000Z', { closedAt, purgedAt: '2028-11-05T01:00:00.000Z' })],
      zone,
    );
    expect(purged.archives).toEqual([]);
    expect(purged.complaints[0].customerId).toBeNull();
    expect(purged.complaints[0].closedAt).toBe(closedAt); // the figures stay
  });

  it('keys standalone records by their own id, and everything else by the complaint', () => {
    expect(caseKeyOf('contractor.penalty_amount_set', { penaltyId: 'p' })).toBe('penalty:p');
    expect(caseKeyOf('service.completed', { serviceId: 'r' })).toBe('r');
    expect(caseKeyOf('callback.completed', { complaintId: 'r' })).toBe('r');
    expect(caseKeyOf('report.overdue', { siteId: 's', month: '2026-10' })).toBe('report:s:2026-10');
    expect(caseKeyOf('survey.opened', { surveyId: 's1' })).toBe('survey-campaign:s1');
    expect(caseKeyOf('committee.meeting_overdue', { siteId: 's', month: '2026-10' })).toBe('committee:s:2026-10');
  });

  it('an event of no complaint and no key of its own stands alone: two different ones are two cases, never one shared "undefined" case', () => {
    const a = caseKeyOf('some.future_event', { siteId: 's', thing: 1 });
    const b = caseKeyOf('some.future_event', { siteId: 's', thing: 2 });
    expect(a).not.toBe(b);
    expect(a).not.toContain('undefined');
    expect(caseKeyOf('some.future_event', { siteId: 's', thing: 1 })).toBe(a);
  });

  it('a case key fits the store (80 characters): a resident message with a long source key, a case link in its case', () => {
    const notice = caseKeyOf('resident.message_requested', { sourceKey: `notice:${'n'.repeat(36)}:${'9'.repeat(60)}` });
    expect(notice.length).toBeLessThanOrEqual(80);
    expect(notice).toMatch(/^resident-message:[0-9a-f]{40}$/);
    expect(caseKeyOf('resident.message_requested', { sourceKey: 'notice:n1:0' })).toBe('resident-message:notice:n1:0');
    expect(caseKeyOf('resident.message_requested', { sourceKey: 'case-link:c1:FILED:x', complaintId: 'c1' })).toBe('c1');
    expect(caseKeyOf('some.very_long_future_event_name', { x: 1 }).length).toBeLessThanOrEqual(80);
  });

  it("due time of a month's report: the end of its last day in the site's time zone (domain.md §5 before month end)", () => {
    expect(monthEnd('2026-10', 'Asia/Shanghai')).toBe('2026-10-31T16:00:00.000Z');
    expect(monthEnd('2026-12', 'Asia/Shanghai')).toBe('2026-12-31T16:00:00.000Z');
    expect(monthEnd('2026-03', 'Europe/Berlin')).toBe('2026-03-31T22:00:00.000Z'); // summer time began on the 29th
  });
});
