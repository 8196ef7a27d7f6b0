/**
 * Working days of a site (domain.md: "1 working day", "2 working days"). A day is a working day
 * when it is Monday–Friday and not a public holiday, or when it is a make-up working day (调休).
 * Dates are local dates (YYYY-MM-DD) in the site's time zone.
 */
export interface WorkingCalendar {
  timeZone: string;
  /** Dated public holidays (YYYY-MM-DD): the movable ones, published each year. */
  holidays: readonly string[];
  /** Weekend days that are working days (调休), YYYY-MM-DD. */
  makeUpWorkdays: readonly string[];
  /** Holidays on the same date every year (MM-DD). */
  annualHolidays?: readonly string[];
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/**
 * Mainland China's fixed-date statutory holidays (全国年节及纪念日放假办法, as amended in 2024):
 * New Year's Day, Labour Day (1–2 May) and National Day (1–3 October). The lunar holidays
 * (Spring Festival, Qingming, Dragon Boat, Mid-Autumn) and the make-up working days move every
 * year with the State Council's notice, so each site enters them as dated `holidays` and
 * `makeUpWorkdays`.
 */
export const CHINA_ANNUAL_HOLIDAYS: readonly string[] = Object.freeze(['01-01', '05-01', '05-02', '10-01', '10-02', '10-03']);

export const defaultCalendar = (timeZone = DEFAULT_TIME_ZONE): WorkingCalendar => ({
  timeZone,
  holidays: [],
  makeUpWorkdays: [],
  annualHolidays: CHINA_ANNUAL_HOLIDAYS,
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

export function isWorkingDay(at: Date, cal: WorkingCalendar): boolean {
  const { date, weekday } = localDate(at, cal.timeZone);
  if (cal.makeUpWorkdays.includes(date)) return true;
  if (cal.holidays.includes(date) || cal.annualHolidays?.includes(date.slice(5))) return false;
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
