import { createHash } from 'node:crypto';
import type { SampleRule } from './survey.entity';

/** A customer who may be drawn: where they live (area) and whether they own or rent. */
export interface Candidate {
  customerId: string;
  areaId?: string | null;
  kind?: string | null;
}

/** Why a sample cannot be drawn (the use case turns it into a BAD_USER_INPUT on `field`). */
export class SampleError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** The stratum of a candidate: area and customer kind (unknown ones form their own stratum). */
export const stratumOf = (c: Candidate): string => `${c.areaId ?? '-'}|${c.kind ?? '-'}`;

/** A small seeded generator (mulberry32) from the SHA-256 of the text: the same seed draws the same sample. */
function generator(seed: string): () => number {
  let a = createHash('sha256').update(seed).digest().readUInt32BE(0);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The first `n` of the candidates in an order fixed by the seed (Fisher–Yates on the id-sorted list). */
function pick(candidates: Candidate[], n: number, seed: string): Candidate[] {
  const list = [...candidates].sort((a, b) => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0));
  const next = generator(seed);
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list.slice(0, n);
}

/** How many a rule draws from a population of `population`. */
export function sampleSize(rule: SampleRule, population: number): number {
  if (rule.mode === 'ALL') return population;
  if (rule.mode === 'COUNT') {
    const size = rule.size ?? 0;
    if (size > population) {
      throw new SampleError('sample.size', `the sample (${size}) is bigger than the customers who may be surveyed (${population})`);
    }
    return size;
  }
  const share = rule.share ?? 0;
  return population && share > 0 ? Math.max(1, Math.round(share * population)) : 0;
}

/**
 * Rule (issue 31, sampling): everyone, a number or a share of the customers who may be surveyed,
 * drawn reproducibly from the seed. Stratified, each stratum (area × owner/tenant) gets its
 * proportional part — the floors of n·Nᵢ/N, the rest to the largest remainders (ties in stratum
 * order) — and is drawn with its own seed, so a stratum's draw does not depend on the others. The
 * result is sorted by customer id.
 */
export function drawSample(population: Candidate[], rule: SampleRule): Candidate[] {
  const n = sampleSize(rule, population.length);
  if (n === population.length) return pick(population, n, rule.seed).sort(byId);
  if (!rule.stratify) return pick(population, n, rule.seed).sort(byId);
  const strata = new Map<string, Candidate[]>();
  for (const c of population) strata.set(stratumOf(c), [...(strata.get(stratumOf(c)) ?? []), c]);
  const keys = [...strata.keys()].sort();
  const exact = keys.map((k) => (n * strata.get(k)!.length) / population.length);
  const quota = exact.map(Math.floor);
  const rest = n - quota.reduce((a, b) => a + b, 0);
  keys
    .map((k, i) => ({ i, remainder: exact[i] - quota[i] }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i)
    .slice(0, rest)
    .forEach(({ i }) => quota[i]++);
  return keys.flatMap((k, i) => pick(strata.get(k)!, quota[i], `${rule.seed}:${k}`)).sort(byId);
}

const byId = (a: Candidate, b: Candidate): number => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0);
