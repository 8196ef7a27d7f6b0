import { DomainError } from '@pc/platform';
import { ClaimDecision } from './customer.entities';
import { awardedAmount, checkHoldingDate, drawRandomVisits, fileKeptUntil } from './customer-rules';

const refused = (f: () => unknown, field: string) => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).field).toBe(field);
    return;
  }
  throw new Error('not refused');
};

describe('domain.md §7 customer file rules', () => {
  const now = new Date('2026-12-07T17:00:00Z'); // 01:00 on 8 December in Shanghai

  it('a move-in date in the future is refused; today at the site is accepted', () => {
    expect(checkHoldingDate('movedInOn', '2026-12-08', now, 'Asia/Shanghai')).toBe('2026-12-08');
    refused(() => checkHoldingDate('movedInOn', '2026-12-08', now, 'Europe/London'), 'movedInOn');
    refused(() => checkHoldingDate('movedInOn', '2026-02-30', now, 'Asia/Shanghai'), 'movedInOn');
  });

  it('a file is kept while the customer holds a unit and two years after the last moving out', () => {
    expect(fileKeptUntil([{ movedOutOn: null }, { movedOutOn: '2020-01-01' }])).toEqual({ holdsUnit: true, keptUntil: null });
    expect(fileKeptUntil([{ movedOutOn: '2025-03-31' }, { movedOutOn: '2024-01-01' }])).toEqual({
      holdsUnit: false,
      keptUntil: '2027-03-31',
    });
    expect(fileKeptUntil([{ movedOutOn: '2024-02-29' }])).toEqual({ holdsUnit: false, keptUntil: '2026-02-28' });
    expect(fileKeptUntil([])).toEqual({ holdsUnit: false, keptUntil: null });
  });

  it('a claim awards all when accepted, a part strictly between when partly accepted, nothing when rejected', () => {
    expect(awardedAmount(ClaimDecision.ACCEPTED, 800, undefined)).toBe(800);
    refused(() => awardedAmount(ClaimDecision.ACCEPTED, 800, 500), 'amountAwardedYuan');
    expect(awardedAmount(ClaimDecision.PARTLY_ACCEPTED, 800, 300)).toBe(300);
    refused(() => awardedAmount(ClaimDecision.PARTLY_ACCEPTED, 800, 800), 'amountAwardedYuan');
    refused(() => awardedAmount(ClaimDecision.PARTLY_ACCEPTED, 800, null), 'amountAwardedYuan');
    expect(awardedAmount(ClaimDecision.REJECTED, 800, null)).toBe(0);
    refused(() => awardedAmount(ClaimDecision.REJECTED, 800, 10), 'amountAwardedYuan');
  });

  it('random return visits are drawn reproducibly from the customers not excluded (visited in the last 90 days)', () => {
    const all = Array.from({ length: 30 }, (_, i) => `c${i}`);
    const excluded = new Set(['c1', 'c2', 'c3']);
    const a = drawRandomVisits(all, excluded, 10, 'site-1/2026-12');
    expect(a).toHaveLength(10);
    expect(new Set(a).size).toBe(10);
    expect(a.some((c) => excluded.has(c))).toBe(false);
    expect(drawRandomVisits([...all].reverse(), excluded, 10, 'site-1/2026-12')).toEqual(a); // the same draw, whatever the order
    expect(drawRandomVisits(all, excluded, 10, 'site-1/2027-01')).not.toEqual(a);
    expect(drawRandomVisits(['c1', 'c4'], excluded, 10, 'x')).toEqual(['c4']);
  });
});
