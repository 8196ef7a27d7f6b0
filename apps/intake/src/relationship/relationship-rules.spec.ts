import { nextMonth, startOfLocalDate } from '@pc/calendar';
import { buildingOf } from '../registry/registry-rules';
import { chunked, committeeMonthEnds, noticeRecipients, noticeUnits, summarisePlan } from './relationship-rules';

const units = [
  { id: 'u101', areaId: 'a', name: '1号楼101室' },
  { id: 'u102', areaId: 'a', name: '1号楼102室' },
  { id: 'u502', areaId: 'b', name: '5号楼502室' },
  { id: 'u9', areaId: 'b', name: 'Shop 9', building: 'Podium' },
];
const none = { wholeSite: false, areaIds: [], buildings: [], unitIds: [] };

describe('domain.md §7 notices to residents', () => {
  it("rule: a unit's building is the one recorded, else read from its name (号楼/栋/幢/座, or before the first dash)", () => {
    expect(buildingOf({ name: '1号楼101室' })).toBe('1号楼');
    expect(buildingOf({ name: 'A栋-1203' })).toBe('A栋');
    expect(buildingOf({ name: '3-1-502' })).toBe('3');
    expect(buildingOf({ name: 'Floor 12, suite 1201' })).toBeNull();
    expect(buildingOf({ name: '1号楼101室', building: 'Tower 1' })).toBe('Tower 1');
  });

  it('rule: a notice reaches the whole site, or the units of its areas, buildings and listed units (any mix)', () => {
    expect(noticeUnits({ ...none, wholeSite: true }, units)).toBeNull();
    expect(noticeUnits({ ...none, buildings: ['1号楼'] }, units)).toEqual(['u101', 'u102']);
    expect(noticeUnits({ ...none, areaIds: ['b'] }, units)).toEqual(['u502', 'u9']);
    expect(noticeUnits({ ...none, buildings: ['Podium'], unitIds: ['u101'] }, units)).toEqual(['u101', 'u9']);
  });

  it('rule: an audience that names nothing, or nothing of the site, is empty', () => {
    expect(noticeUnits(none, units)).toEqual([]);
    expect(noticeUnits({ ...none, buildings: ['9号楼'] }, units)).toEqual([]);
  });

  it('rule: the residents reached are those whose own unit or a unit they hold now is in the audience, each once', () => {
    const customers = [
      { id: 'c1', phone: '1', unitId: 'u101' },
      { id: 'c2', phone: '2', unitId: 'u502' },
      { id: 'c3', phone: '3', unitId: null },
      { id: 'c4', phone: '', unitId: 'u101' },
    ];
    const holdings = [
      { customerId: 'c2', unitId: 'u102', movedOutOn: null },
      { customerId: 'c3', unitId: 'u101', movedOutOn: '2025-01-01' },
      { customerId: 'c1', unitId: 'u101', movedOutOn: null },
    ];
    expect(noticeRecipients(['u101', 'u102'], customers, holdings)).toEqual([
      { customerId: 'c1', phone: '1' },
      { customerId: 'c2', phone: '2' },
    ]);
    // the whole site: everyone with a number, a walk-in customer with no unit too
    expect(noticeRecipients(null, customers, holdings).map((r) => r.customerId)).toEqual(['c1', 'c2', 'c3']);
  });

  it('a large audience goes out in parts', () => {
    expect(chunked([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunked([], 2)).toEqual([]);
  });
});

describe("domain.md §7 the owners' committee meets once a month", () => {
  it("rule: a month's meeting is overdue when the month has ended in the site's time zone", () => {
    expect(committeeMonthEnds('2026-12', 'Asia/Shanghai').toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(committeeMonthEnds('2026-02', 'UTC').toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(committeeMonthEnds('2026-03', 'Europe/Berlin').toISOString()).toBe('2026-03-31T22:00:00.000Z');
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(startOfLocalDate('2027-01-01', 'America/New_York').toISOString()).toBe('2027-01-01T05:00:00.000Z');
  });
});

describe('domain.md §7 relationship plans', () => {
  it('rule: what was done against the plan — activities done, money planned and spent, sign-up and attendance', () => {
    const a = (done: boolean, budgetYuan: number, spentYuan: number, signedUp = 0, attended = 0) => ({
      title: 't',
      kind: 'EVENT' as const,
      plannedOn: '2026-12-01',
      budgetYuan,
      done,
      spentYuan,
      signedUp,
      attended,
    });
    expect(summarisePlan({ budgetYuan: 5000, activities: [a(true, 2000, 1800, 40, 31), a(false, 1500, 0)] })).toEqual({
      activitiesPlanned: 2,
      activitiesDone: 1,
      budgetYuan: 5000,
      activityBudgetYuan: 3500,
      spentYuan: 1800,
      signedUp: 40,
      attended: 31,
    });
  });
});
