import { addWorkingDays, defaultCalendar, isWorkingDay, nationalScheduleCovers, nationalScheduleYears } from './working-calendar';

/** Pure logic: the working calendar of a site, mainland China's national schedule underneath. Mocked: nothing. */
const cal = defaultCalendar();
const at = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`);

describe('working days follow the State Council schedule (chinese-days) with the site on top', () => {
  it('knows the lunar holidays of 2026 without anyone typing them in: Spring Festival 15–23 February is no working day', () => {
    for (const d of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-23']) {
      expect(isWorkingDay(at(d), cal)).toBe(false);
    }
  });

  it('counts the make-up Saturdays (调休) of 2026 as working days: 14 and 28 February, 9 May, 10 October', () => {
    for (const d of ['2026-02-14', '2026-02-28', '2026-05-09', '2026-10-10']) expect(isWorkingDay(at(d), cal)).toBe(true);
  });

  it('pauses "2 working days" over the National Day week: Wednesday 30 September 10:00 + 2 = Friday 9 October 10:00', () => {
    expect(addWorkingDays(at('2026-09-30'), 2, cal)).toEqual(at('2026-10-09'));
  });

  it('lets a site close on a day of its own and work a weekend day of its own, over the national schedule', () => {
    const site = { ...cal, holidays: ['2026-11-23'], makeUpWorkdays: ['2026-11-21', '2026-02-21'] };
    expect(isWorkingDay(at('2026-11-23'), site)).toBe(false); // a Monday the site closes
    expect(isWorkingDay(at('2026-11-21'), site)).toBe(true); // a Saturday the site works
    expect(isWorkingDay(at('2026-02-21'), site)).toBe(true); // even inside the Spring Festival break
  });

  it('falls back, for a year the package does not know yet, to the fixed-date holidays and the site own dates', () => {
    const { last } = nationalScheduleYears();
    expect(last).toBeGreaterThanOrEqual(2026);
    const next = last + 1;
    expect(nationalScheduleCovers(next)).toBe(false);
    // 1 January and 1 October of an unknown year are still holidays; a weekday is a working day
    expect(isWorkingDay(at(`${next}-01-01`), cal)).toBe(false);
    expect(isWorkingDay(at(`${next}-10-01`), cal)).toBe(false);
    const monday = [...Array(7).keys()].map((i) => at(`${next}-03-0${i + 1}`)).find((d) => d.getUTCDay() === 1)!;
    expect(isWorkingDay(monday, cal)).toBe(true);
    // a site enters that year's lunar holidays itself until the package is updated
    expect(isWorkingDay(at(`${next}-03-02`), { ...cal, holidays: [`${next}-03-02`] })).toBe(false);
  });
});
