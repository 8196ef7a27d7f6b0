import { localDate } from '@pc/calendar';
import { invalidInput } from '@pc/platform';
import { checkDates } from '../registry/registry-rules';
import { ClaimDecision, type UnitHolding } from './customer.entities';

/** A file is kept while the customer holds a unit and this many years after the last moving out (domain.md §7). */
export const FILE_RETENTION_YEARS = 2;

/** A move-in (or move-out) date: a real calendar date, not after today in the site's time zone. */
export function checkHoldingDate(field: string, date: string, now: Date, timeZone: string): string {
  checkDates(field, [date]);
  const today = localDate(now, timeZone).date;
  if (date > today) throw invalidInput(field, `${date} is in the future (today is ${today} at the site)`);
  return date;
}

/** How long a customer's file is kept: as long as a unit is held, then two years after the last moving out. */
export function fileKeptUntil(holdings: readonly Pick<UnitHolding, 'movedOutOn'>[]): { holdsUnit: boolean; keptUntil: string | null } {
  if (holdings.length === 0 || holdings.some((h) => !h.movedOutOn)) return { holdsUnit: holdings.length > 0, keptUntil: null };
  const last = holdings.map((h) => h.movedOutOn as string).sort()[holdings.length - 1];
  const [y, m, d] = last.split('-');
  // 29 February moved out: kept until 28 February two years on (no 29th then)
  const until = `${Number(y) + FILE_RETENTION_YEARS}-${m}-${d}`;
  return { holdsUnit: false, keptUntil: m === '02' && d === '29' ? `${Number(y) + FILE_RETENTION_YEARS}-02-28` : until };
}

/** The amount a claim's decision awards: all of it, a part strictly between nothing and all, or nothing. */
export function awardedAmount(decision: ClaimDecision, claimed: number, awarded: number | null | undefined): number {
  switch (decision) {
    case ClaimDecision.ACCEPTED:
      if (awarded !== null && awarded !== undefined && awarded !== claimed) {
        throw invalidInput('amountAwardedYuan', `an accepted claim awards what was claimed (${claimed})`);
      }
      return claimed;
    case ClaimDecision.PARTLY_ACCEPTED:
      if (awarded === null || awarded === undefined || awarded <= 0 || awarded >= claimed) {
        throw invalidInput('amountAwardedYuan', `a partly accepted claim awards more than 0 and less than the ${claimed} claimed`);
      }
      return awarded;
    case ClaimDecision.REJECTED:
      if (awarded !== null && awarded !== undefined && awarded !== 0) {
        throw invalidInput('amountAwardedYuan', 'a rejected claim awards nothing');
      }
      return 0;
  }
}

/**
 * A customer search (at least two characters): a part of a name or phone; and a part of a unit's name,
 * whose customers and holders the caller then adds. `%` and `_` are matched as themselves.
 */
export function customerSearch(text: string): {
  contact: { name?: { $ilike: string }; phone?: { $ilike: string } }[];
  unitName: { $ilike: string };
} {
  const t = text.trim();
  if (t.length < 2) throw invalidInput('search', 'give at least two characters of a name, phone or unit');
  const like = `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return { contact: [{ name: { $ilike: like } }, { phone: { $ilike: like } }], unitName: { $ilike: like } };
}

/** A random return visit skips customers visited in the last this many days (domain.md §7). */
export const RANDOM_VISIT_GAP_DAYS = 90;
/** A repair charged at least this much (yuan) is a large one: a visit follows it. */
export const LARGE_REPAIR_YUAN = 1000;

/**
 * The month's random phone return visits: `count` customers drawn from `candidates` (those not
 * excluded), by a generator seeded with `seed` (the site and the month): planning again draws the same.
 */
export function drawRandomVisits(candidates: readonly string[], excluded: ReadonlySet<string>, count: number, seed: string): string[] {
  const pool = [...new Set(candidates)].filter((c) => !excluded.has(c)).sort();
  let a = [...seed].reduce((h, ch) => Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0, 2166136261);
  const next = () => {
    // mulberry32
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, Math.max(0, count));
}
