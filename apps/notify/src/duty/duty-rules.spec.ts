import { DEFAULT_SHIFTS, checkShifts, isCalendarDate, localTime, nextShift, shiftAt, uncoveredShifts } from './duty-rules';

describe('duty rules (domain.md §6)', () => {
  it("the default shifts cover 24 hours: day 08:00–17:00 closes the seed's 08:00–09:00 gap", () => {
    expect(checkShifts(DEFAULT_SHIFTS)).toBeUndefined();
    const seed = DEFAULT_SHIFTS.map((s) => (s.name === 'day' ? { ...s, startsAt: '09:00' } : s));
    expect(checkShifts(seed)).toEqual({ field: 'shifts', reason: 'the shifts must cover 24 hours: nobody is on duty 08:00–09:00' });
  });

  it('refuses overlapping shifts, naming both and the first minute they share', () => {
    const v = checkShifts([
      { name: 'day', startsAt: '08:00', endsAt: '18:00' },
      { name: 'night', startsAt: '17:00', endsAt: '08:00' },
    ]);
    expect(v).toEqual({ field: 'shifts[1]', reason: 'shift "night" overlaps shift "day" at 17:00' });
  });

  it('accepts a shift that runs past midnight, and refuses times and names that do not parse', () => {
    expect(
      checkShifts([
        { name: 'day', startsAt: '07:30', endsAt: '19:30' },
        { name: 'night', startsAt: '19:30', endsAt: '07:30' },
      ]),
    ).toBeUndefined();
    expect(checkShifts([{ name: 'x', startsAt: '25:00', endsAt: '08:00' }])?.field).toBe('shifts[0].startsAt');
    expect(checkShifts([{ name: 'x', startsAt: '08:00', endsAt: '8am' }])?.field).toBe('shifts[0].endsAt');
    expect(checkShifts([{ name: ' ', startsAt: '00:00', endsAt: '24:00' }])?.field).toBe('shifts[0].name');
    expect(checkShifts([...DEFAULT_SHIFTS, { name: 'day', startsAt: '08:00', endsAt: '09:00' }])?.reason).toMatch(/used twice/);
    expect(checkShifts([])?.reason).toMatch(/at least one shift/);
  });

  it('one shift of 24 hours is a valid roster', () => {
    expect(checkShifts([{ name: 'all day', startsAt: '00:00', endsAt: '24:00' }])).toBeUndefined();
  });

  it('a date that does not exist is refused (2026-02-30)', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2026-2-3')).toBe(false);
  });

  it("who is on duty follows the site's time zone, and a shift past midnight belongs to the date it began", () => {
    // 2026-12-07T16:30Z is 00:30 on the 8th in Shanghai: the night shift (00:00–08:00) of the 8th
    const local = localTime(new Date('2026-12-07T16:30:00Z'), 'Asia/Shanghai');
    expect(local).toEqual({ date: '2026-12-08', minute: 30 });
    expect(shiftAt(DEFAULT_SHIFTS, local)).toEqual({ shift: DEFAULT_SHIFTS[2], date: '2026-12-08' });
    const wrapping = [
      { name: 'day', startsAt: '07:30', endsAt: '19:30' },
      { name: 'night', startsAt: '19:30', endsAt: '07:30' },
    ];
    expect(shiftAt(wrapping, { date: '2026-12-08', minute: 60 })).toEqual({ shift: wrapping[1], date: '2026-12-07' });
    expect(shiftAt(wrapping, { date: '2026-12-08', minute: 20 * 60 })).toEqual({ shift: wrapping[1], date: '2026-12-08' });
  });

  it('the shift after the evening one is the next day’s night shift', () => {
    expect(nextShift(DEFAULT_SHIFTS, { shift: DEFAULT_SHIFTS[1], date: '2026-12-07' })).toEqual({
      shift: DEFAULT_SHIFTS[2],
      date: '2026-12-08',
    });
    expect(nextShift(DEFAULT_SHIFTS, { shift: DEFAULT_SHIFTS[0], date: '2026-12-07' })).toEqual({
      shift: DEFAULT_SHIFTS[1],
      date: '2026-12-07',
    });
  });

  it('rule "a week ahead, a shift with nobody is a notice to the site head": lists the unstaffed shifts from the one on now, a week of them', () => {
    const twoShifts = [
      { name: 'day', startsAt: '08:00', endsAt: '20:00' },
      { name: 'night', startsAt: '20:00', endsAt: '08:00' },
    ];
    const all = new Set<string>();
    for (let d = 7; d <= 14; d++) for (const s of ['day', 'night']) all.add(`2026-12-${String(d).padStart(2, '0')}|${s}`);
    // 03:00 on the 8th: the night shift of the 7th is on; the week runs to the day shift of the 14th
    const at = { date: '2026-12-08', minute: 180 };
    expect(uncoveredShifts(twoShifts, all, at)).toEqual([]);
    const gaps = new Set(all);
    gaps.delete('2026-12-07|night'); // on now, and nobody
    gaps.delete('2026-12-10|day');
    gaps.delete('2026-12-07|day'); // over already: not listed
    gaps.delete('2026-12-14|night'); // beyond the week
    expect(uncoveredShifts(twoShifts, gaps, at).map((g) => `${g.date}|${g.shift.name}`)).toEqual(['2026-12-07|night', '2026-12-10|day']);
    expect(uncoveredShifts(twoShifts, new Set(), at)).toHaveLength(14);
  });
});
