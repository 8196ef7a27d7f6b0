import { nationalSchedule } from './national-schedule';

/**
 * Working days of a site (domain.md: "1 working day", "2 working days"). A day is a working day when
 * it is Monday–Friday and not a public holiday, or when it is a make-up working day (调休). Public
 * holidays and make-up working days are mainland China's, as the State Council publishes them each
 * year (from the `chinese-days` package); a site adds its own on top. Dates are local dates
 * (YYYY-MM-DD) in the site's time zone.
 */
export interface WorkingCalendar {
  timeZone: string;
  /** The site's own days off (YYYY-MM-DD), on top of the national schedule. */
  holidays: readonly string[];
  /** The site's own weekend working days (YYYY-MM-DD), on top of the national schedule. */
  makeUpWorkdays: readonly string[];
  /**
   * Holidays on the same date every year (MM-DD): applied only to a year the national schedule does
   * not know yet (see `nationalScheduleCovers`), so that its fixed-date holidays still pause the clocks.
   */
  annualHolidays?: readonly string[];
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/**
 * Mainland China's fixed-date statutory holidays (全国年节及纪念日放假办法, as amended in 2024): New
 * Year's Day, Labour Day (1–2 May) and National Day (1–3 October): the fallback for a year the national
 * schedule does not know yet.
 */
export const CHINA_ANNUAL_HOLIDAYS: readonly string[] = Object.freeze(['01-01', '05-01', '05-02', '10-01', '10-02', '10-03']);

export const defaultCalendar = (timeZone = DEFAULT_TIME_ZONE): WorkingCalendar => ({
  timeZone,
  holidays: [],
  makeUpWorkdays: [],
  annualHolidays: CHINA_ANNUAL_HOLIDAYS,
});

/** Whether the national schedule knows the year (the State Council's notice for it is out and packaged). */
export const nationalScheduleCovers = (year: number): boolean => year >= nationalSchedule.firstYear && year <= nationalSchedule.lastYear;

/** The years the national schedule knows, for the README and for operators. */
export const nationalScheduleYears = (): { first: number; last: number } => ({
  first: nationalSchedule.firstYear,
  last: nationalSchedule.lastYear,
});

const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per time zone: building an Intl.DateTimeFormat costs far more than using it. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Local date (YYYY-MM-DD) and weekday (0 = Sunday) of an instant in a time zone. */
export function localDate(at: Date, timeZone: string): { date: string; weekday: number } {
  const parts = formatterFor(timeZone).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'));
  return { date: `${get('year')}-${get('month')}-${get('day')}`, weekday };
}

/** The month (YYYY-MM) an instant falls in, in the site's time zone. */
export const localMonth = (at: Date, timeZone: string): string => localDate(at, timeZone).date.slice(0, 7);

/** The month after a YYYY-MM month. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

const HOUR = 3_600_000;

/** The first instant of a local date (YYYY-MM-DD) in a time zone (whole-hour offsets; every zone a site uses). */
export function startOfLocalDate(date: string, timeZone: string): Date {
  // from 14 hours before UTC midnight (the earliest offset), the first hour whose local date is the date
  let t = Date.parse(`${date}T00:00:00Z`) - 14 * HOUR;
  for (let i = 0; i < 30 && localDate(new Date(t), timeZone).date < date; i++) t += HOUR;
  return new Date(t);
}

/**
 * The site's own days first (a make-up day it works, a day it closes), then the national schedule of
 * that year (holidays and 调休 working days); for a year the schedule does not know yet, the fixed-date
 * holidays; then Monday–Friday.
 */
export function isWorkingDay(at: Date, cal: WorkingCalendar): boolean {
  const { date, weekday } = localDate(at, cal.timeZone);
  if (cal.makeUpWorkdays.includes(date)) return true;
  if (cal.holidays.includes(date)) return false;
  if (nationalScheduleCovers(Number(date.slice(0, 4)))) {
    if (nationalSchedule.workdays.has(date)) return true;
    if (nationalSchedule.holidays.has(date)) return false;
  } else if (cal.annualHolidays?.includes(date.slice(5))) {
    return false;
  }
  return weekday >= 1 && weekday <= 5;
}

/**
 * `days` working days after `from`, at the same time of day: the stricter reading of "within N
 * working days" (Friday 10:00 + 1 working day = Monday 10:00, not Monday evening).
 */
export function addWorkingDays(from: Date, days: number, cal: WorkingCalendar): Date {
  let at = from.getTime();
  let counted = 0;
  while (counted < days) {
    at += DAY_MS;
    if (isWorkingDay(new Date(at), cal)) counted += 1;
  }
  return new Date(at);
}
