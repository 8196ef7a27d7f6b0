import { Severity, SlaClock } from '@pc/contracts';
import { closeClock, contractorArrivalClock, initialClocks, majorClocks, reworkClocks } from './sla-clocks';

const receivedAt = new Date('2026-11-02T01:00:00Z');
const replyDueAt = new Date('2026-11-04T01:00:00Z');
const departmentReceivedAt = new Date('2026-11-02T01:05:00Z');
const due = (clocks: { clock: SlaClock; dueAt: Date }[], c: SlaClock) => clocks.find((x) => x.clock === c)?.dueAt.getTime();
const H = 3_600_000;

describe('domain.md §3 clocks of a new work order', () => {
  it('gives every department 1 hour from receipt to write and sign off the handling plan', () => {
    const clocks = initialClocks({ lead: false, severity: Severity.MINOR, receivedAt, replyDueAt, departmentReceivedAt });
    expect(clocks).toEqual([{ clock: SlaClock.PLAN, dueAt: new Date(departmentReceivedAt.getTime() + H) }]);
  });
  it('gives a minor complaint feedback within 24 hours and upgrades it after 10 days unresolved', () => {
    const clocks = initialClocks({ lead: true, severity: Severity.MINOR, receivedAt, replyDueAt, departmentReceivedAt });
    expect(due(clocks, SlaClock.FEEDBACK)).toBe(receivedAt.getTime() + 24 * H);
    expect(due(clocks, SlaClock.MAJOR_UPGRADE)).toBe(receivedAt.getTime() + 240 * H);
    expect(due(clocks, SlaClock.REPLY)).toBe(replyDueAt.getTime());
  });
  it('makes a major complaint reported to the head within 10 minutes and a solution agreed within 12 hours', () => {
    const clocks = initialClocks({ lead: true, severity: Severity.MAJOR, receivedAt, replyDueAt, departmentReceivedAt });
    expect(due(clocks, SlaClock.REPORT_TO_HEAD)).toBe(receivedAt.getTime() + 10 * 60_000);
    expect(due(clocks, SlaClock.SOLUTION_AGREED)).toBe(receivedAt.getTime() + 12 * H);
    expect(due(clocks, SlaClock.FEEDBACK)).toBeUndefined();
  });
  it('records a clock closed after its due time as met late and breached at the due time', () => {
    const d = { dueAt: new Date(2 * H), metAt: null as Date | null, breachedAt: null as Date | null };
    closeClock(d, new Date(3 * H));
    expect(d).toEqual({ dueAt: new Date(2 * H), metAt: new Date(3 * H), breachedAt: new Date(2 * H) });
    const onTime = { dueAt: new Date(2 * H), metAt: null as Date | null, breachedAt: null as Date | null };
    closeClock(onTime, new Date(H));
    expect(onTime.breachedAt).toBeNull();
  });
  it('starts the major clocks from the moment a complaint becomes major (rules A and D): 10 minutes and 12 hours', () => {
    const at = new Date('2026-11-12T01:00:00Z');
    expect(majorClocks(at)).toEqual([
      { clock: SlaClock.REPORT_TO_HEAD, dueAt: new Date(at.getTime() + 10 * 60_000) },
      { clock: SlaClock.SOLUTION_AGREED, dueAt: new Date(at.getTime() + 12 * H) },
    ]);
  });
  it('gives rework a new plan in 1 hour and the lead department feedback in 24 hours (minor) or a solution in 12 hours (major)', () => {
    const at = new Date('2026-11-12T01:00:00Z');
    expect(reworkClocks({ lead: false, severity: Severity.MINOR, at })).toEqual([
      { clock: SlaClock.PLAN, dueAt: new Date(at.getTime() + H) },
    ]);
    expect(due(reworkClocks({ lead: true, severity: Severity.MINOR, at }), SlaClock.FEEDBACK)).toBe(at.getTime() + 24 * H);
    expect(due(reworkClocks({ lead: true, severity: Severity.MAJOR, at }), SlaClock.SOLUTION_AGREED)).toBe(at.getTime() + 12 * H);
  });
  it('gives a contractor 4 hours to show up after a rectification notice', () => {
    const at = new Date('2026-11-12T01:00:00Z');
    expect(contractorArrivalClock(at)).toEqual({ clock: SlaClock.CONTRACTOR_ARRIVAL, dueAt: new Date(at.getTime() + 4 * H) });
  });
});
