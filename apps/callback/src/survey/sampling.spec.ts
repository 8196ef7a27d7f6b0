import { SampleError, drawSample, sampleSize, stratumOf, type Candidate } from './sampling';
import type { SampleRule } from './survey.entity';

const rule = (r: Partial<SampleRule>): SampleRule => ({ mode: 'COUNT', stratify: false, excludeSurveyedWithinDays: 0, seed: 's', ...r });
/** 60 owners and 20 tenants in area A, 20 owners in area B. */
const population: Candidate[] = [
  ...Array.from({ length: 60 }, (_, i) => ({ customerId: `a-own-${String(i).padStart(2, '0')}`, areaId: 'A', kind: 'OWNER' })),
  ...Array.from({ length: 20 }, (_, i) => ({ customerId: `a-ten-${String(i).padStart(2, '0')}`, areaId: 'A', kind: 'TENANT' })),
  ...Array.from({ length: 20 }, (_, i) => ({ customerId: `b-own-${String(i).padStart(2, '0')}`, areaId: 'B', kind: 'OWNER' })),
];
const ids = (l: Candidate[]) => l.map((c) => c.customerId);

describe('rule (issue 31): a survey sample is drawn reproducibly from its seed', () => {
  it('the same seed draws the same customers whatever the order the population came in; another seed draws others', () => {
    const a = drawSample(population, rule({ size: 10, seed: 'MONTHLY_VISIT:2026-12' }));
    const b = drawSample([...population].reverse(), rule({ size: 10, seed: 'MONTHLY_VISIT:2026-12' }));
    const c = drawSample(population, rule({ size: 10, seed: 'MONTHLY_VISIT:2027-01' }));
    expect(ids(a)).toEqual(ids(b));
    expect(ids(a)).toHaveLength(10);
    expect(new Set(ids(a)).size).toBe(10);
    expect(ids(c)).not.toEqual(ids(a));
    expect(ids(a)).toEqual([...ids(a)].sort());
  });

  it('ALL takes everyone; SHARE takes the rounded share (at least one); COUNT takes the number', () => {
    expect(drawSample(population, rule({ mode: 'ALL' }))).toHaveLength(100);
    expect(drawSample(population, rule({ mode: 'SHARE', share: 0.25 }))).toHaveLength(25);
    expect(sampleSize(rule({ mode: 'SHARE', share: 0.001 }), 100)).toBe(1);
    expect(sampleSize(rule({ mode: 'SHARE', share: 0.5 }), 0)).toBe(0);
    expect(drawSample(population, rule({ size: 7 }))).toHaveLength(7);
  });

  it('a sample bigger than the population is refused, naming the field', () => {
    expect(() => drawSample(population, rule({ size: 101 }))).toThrow(SampleError);
    try {
      drawSample(population, rule({ size: 101 }));
    } catch (e) {
      expect((e as SampleError).field).toBe('sample.size');
      expect((e as Error).message).toContain('(100)');
    }
  });
});

describe('rule (issue 31): a stratified sample gives each area and customer kind its proportional part', () => {
  it('20 of 100 = 12 A-owners, 4 A-tenants, 4 B-owners', () => {
    const s = drawSample(population, rule({ size: 20, stratify: true }));
    const per = (k: string) => s.filter((c) => stratumOf(c) === k).length;
    expect([per('A|OWNER'), per('A|TENANT'), per('B|OWNER')]).toEqual([12, 4, 4]);
  });

  it('the remainder goes to the largest remainders: 7 of 100 = 4.2, 1.4, 1.4 → 4, 2, 1 (ties in stratum order)', () => {
    const s = drawSample(population, rule({ size: 7, stratify: true }));
    const per = (k: string) => s.filter((c) => stratumOf(c) === k).length;
    expect([per('A|OWNER'), per('A|TENANT'), per('B|OWNER')]).toEqual([4, 2, 1]);
    expect(s).toHaveLength(7);
  });

  it("a stratum's draw does not depend on the others: adding customers to area B changes nothing drawn in area A", () => {
    const more = [...population, ...Array.from({ length: 100 }, (_, i) => ({ customerId: `b-new-${i}`, areaId: 'B', kind: 'OWNER' }))];
    const base = drawSample(population, rule({ mode: 'SHARE', share: 0.1, stratify: true }));
    const grown = drawSample(more, rule({ mode: 'SHARE', share: 0.1, stratify: true }));
    const inA = (l: Candidate[]) => ids(l.filter((c) => c.areaId === 'A'));
    expect(inA(grown)).toEqual(inA(base));
  });

  it('customers of unknown area or kind form their own stratum', () => {
    const s = drawSample([...population, { customerId: 'x-1' }, { customerId: 'x-2' }], rule({ mode: 'ALL', stratify: true }));
    expect(s.filter((c) => stratumOf(c) === '-|-')).toHaveLength(2);
  });
});
