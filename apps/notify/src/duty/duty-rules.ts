/**
 * The duty rules of domain.md §6: a site's customer-service centre answers around the clock in
 * shifts that cover the 24 hours of the site's day with no overlap; each shift has named duty staff,
 * each day a duty director. Pure functions: times are minutes of the site's local day.
 */

export interface ShiftTimes {
  name: string;
  /** `HH:MM` in the site's time zone. */
  startsAt: string;
  /** `HH:MM`; `24:00` is the end of the day; earlier than `startsAt` when the shift runs past midnight. */
  endsAt: string;
}

export interface RuleViolation {
  field: string;
  reason: string;
}

const DAY = 24 * 60;

/**
 * The seed's three shifts, with the day shift from 08:00 (the seed writes 09:00–17:00, which leaves
 * 08:00–09:00 uncovered after the night shift; domain.md §6 closes the gap).
 */
export const DEFAULT_SHIFTS: readonly ShiftTimes[] = [
  { name: 'day', startsAt: '08:00', endsAt: '17:00' },
  { name: 'evening', startsAt: '17:00', endsAt: '24:00' },
  { name: 'night', startsAt: '00:00', endsAt: '08:00' },
];

/** `HH:MM` → minutes of the day; `24:00` only where `allowEndOfDay`. Undefined when it does not parse. */
export function minuteOf(hhmm: string, allowEndOfDay = false): number | undefined {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(hhmm);
  if (!m) return undefined;
  const minute = Number(m[1]) * 60 + Number(m[2]);
  if (minute > DAY || (minute === DAY && !allowEndOfDay)) return undefined;
  return minute;
}

/** The minutes a shift covers, as [from, to) ranges within one day (a shift past midnight gives two). */
function rangesOf(s: ShiftTimes): [number, number][] {
  const from = minuteOf(s.startsAt)!;
  const to = minuteOf(s.endsAt, true)!;
  return to > from
    ? [[from, to]]
    : [
        [from, DAY],
        [0, to],
      ];
}

const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/**
 * Rule: a site's shifts cover 24 hours with no overlap (domain.md §6). Answers the first violation:
 * a time that does not parse, an empty or repeated name, a shift of no length, two shifts that
 * overlap, or a stretch of the day nobody covers.
 */
export function checkShifts(shifts: readonly ShiftTimes[]): RuleViolation | undefined {
  if (!shifts.length) return { field: 'shifts', reason: 'a site needs at least one shift' };
  const names = new Set<string>();
  for (const [i, s] of shifts.entries()) {
    const name = s.name.trim();
    if (!name) return { field: `shifts[${i}].name`, reason: 'a shift needs a name' };
    if (names.has(name)) return { field: `shifts[${i}].name`, reason: `shift name "${name}" is used twice` };
    names.add(name);
    if (minuteOf(s.startsAt) === undefined) {
      return { field: `shifts[${i}].startsAt`, reason: `"${s.startsAt}" is not a time HH:MM (00:00–23:59)` };
    }
    if (minuteOf(s.endsAt, true) === undefined) {
      return { field: `shifts[${i}].endsAt`, reason: `"${s.endsAt}" is not a time HH:MM (00:00–24:00)` };
    }
    if (minuteOf(s.startsAt)! % DAY === minuteOf(s.endsAt, true)! % DAY && shifts.length > 1) {
      return { field: `shifts[${i}].endsAt`, reason: `shift "${name}" covers the whole day while other shifts exist` };
    }
  }
  const owner: (number | undefined)[] = new Array<number | undefined>(DAY).fill(undefined);
  for (const [i, s] of shifts.entries()) {
    const whole = minuteOf(s.startsAt)! % DAY === minuteOf(s.endsAt, true)! % DAY;
    for (const [from, to] of whole ? ([[0, DAY]] as [number, number][]) : rangesOf(s)) {
      for (let m = from; m < to; m++) {
        const other = owner[m];
        if (other !== undefined) {
          return { field: `shifts[${i}]`, reason: `shift "${s.name}" overlaps shift "${shifts[other].name}" at ${hhmm(m)}` };
        }
        owner[m] = i;
      }
    }
  }
  const gap = owner.findIndex((o) => o === undefined);
  if (gap >= 0) {
    let end = gap;
    while (end < DAY && owner[end] === undefined) end++;
    return { field: 'shifts', reason: `the shifts must cover 24 hours: nobody is on duty ${hhmm(gap)}–${hhmm(end)}` };
  }
  return undefined;
}

/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 does not). */
export function isCalendarDate(date: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === date;
}

/** The day before a `YYYY-MM-DD` date. */
export function previousDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The day after a `YYYY-MM-DD` date. */
export function nextDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** One formatter per time zone (building one costs more than formatting with it). */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** An instant as the site's local date and minute of the day (IANA time zone). */
export function localTime(at: Date, timeZone: string): { date: string; minute: number } {
  const parts = formatterOf(timeZone).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, minute: Number(get('hour')) * 60 + Number(get('minute')) };
}

/**
 * Rule: who is on duty now is the shift covering the site's local time; a shift that runs past
 * midnight belongs to the date it started on (its roster entry is that date's).
 */
export function shiftAt(
  shifts: readonly ShiftTimes[],
  local: { date: string; minute: number },
): { shift: ShiftTimes; date: string } | undefined {
  for (const s of shifts) {
    for (const [from, to] of rangesOf(s)) {
      if (local.minute >= from && local.minute < to) {
        const startedYesterday = from === 0 && minuteOf(s.startsAt)! > 0 && minuteOf(s.endsAt, true)! <= minuteOf(s.startsAt)!;
        return { shift: s, date: startedYesterday ? previousDate(local.date) : local.date };
      }
    }
  }
  return undefined;
}

/** The shift after `current` in the day's order (by start time, wrapping), and the date it belongs to. */
export function nextShift(
  shifts: readonly ShiftTimes[],
  current: { shift: ShiftTimes; date: string },
): { shift: ShiftTimes; date: string } {
  const ordered = [...shifts].sort((a, b) => minuteOf(a.startsAt)! - minuteOf(b.startsAt)!);
  const i = ordered.findIndex((s) => s.name === current.shift.name);
  const next = ordered[(i + 1) % ordered.length];
  return { shift: next, date: i + 1 >= ordered.length ? nextDate(current.date) : current.date };
}

/** How far ahead the roster is checked for shifts with nobody on duty (domain.md §6: a week). */
export const ROSTER_LOOKAHEAD_DAYS = 7;

/**
 * Rule: a week ahead, a shift with nobody on duty is itself a notice to the site head (domain.md §6).
 * Answers, in order from the shift on now, the shifts of the next `days` days whose roster entry
 * (`<date>|<shift>`) names nobody; a shift already over is not listed.
 */
export function uncoveredShifts(
  shifts: readonly ShiftTimes[],
  staffed: ReadonlySet<string>,
  local: { date: string; minute: number },
  days = ROSTER_LOOKAHEAD_DAYS,
): { shift: ShiftTimes; date: string }[] {
  if (!shifts.length) return [];
  let at = shiftAt(shifts, local) ?? { shift: shifts[0], date: local.date };
  const out: { shift: ShiftTimes; date: string }[] = [];
  for (let i = 0; i < days * shifts.length; i++) {
    if (!staffed.has(`${at.date}|${at.shift.name}`)) out.push(at);
    at = nextShift(shifts, at);
  }
  return out;
}
