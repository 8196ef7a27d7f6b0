import { DEFAULT_SHIFTS, localTime, nextDate } from './duty-rules';

/** One roster entry of the demo data: a shift's duty staff, or a day's duty director. */
export type DemoRosterEntry =
  | { kind: 'duty'; siteId: string; date: string; shift: string; staffIds: string[] }
  | { kind: 'director'; siteId: string; date: string; userId: string };

/** Who covers the demo sites' default shifts: front desk by day, the complaint rep in the evening, engineering at night. */
const DEMO_SHIFT_STAFF: Record<string, string[]> = {
  day: ['demo-front-desk'],
  evening: ['demo-complaint-rep'],
  night: ['demo-department-staff'],
};

/**
 * The demo data's duty roster (`npm start`): both demo sites, every default shift and a duty
 * director per day, from the day before `from` (its night shift may still be on) for `days` days in
 * Shanghai's calendar. The area manager directs demo-site-2; demo-site-1 alternates between its site
 * head and the area manager.
 */
export function demoRoster(from: Date, days = 8): DemoRosterEntry[] {
  const out: DemoRosterEntry[] = [];
  let date = localTime(new Date(from.getTime() - 86_400_000), 'Asia/Shanghai').date;
  for (let i = 0; i < days; i++, date = nextDate(date)) {
    for (const siteId of ['demo-site-1', 'demo-site-2']) {
      for (const s of DEFAULT_SHIFTS) out.push({ kind: 'duty', siteId, date, shift: s.name, staffIds: DEMO_SHIFT_STAFF[s.name] });
      const userId = siteId === 'demo-site-1' && i % 2 === 0 ? 'demo-site-head' : 'demo-area-manager';
      out.push({ kind: 'director', siteId, date, userId });
    }
  }
  return out;
}
