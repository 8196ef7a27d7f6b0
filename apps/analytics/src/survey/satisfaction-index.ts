/** How many answers fell on each of the four levels. */
export interface LevelCounts {
  verySatisfied: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
}

/** The weight of each level in the satisfaction score (非常满意 100, 满意 80, 基本满意 60, 不满意 0). */
export const LEVEL_WEIGHTS: LevelCounts = { verySatisfied: 100, satisfied: 80, basicallySatisfied: 60, dissatisfied: 0 };

export interface SatisfactionIndex {
  answers: number;
  /** (very satisfied + satisfied) / answers, 0–1, four decimals; null without answers. */
  share: number | null;
  /** The weighted score, 0–100, one decimal; null without answers. */
  score: number | null;
}

export const emptyLevels = (): LevelCounts => ({ verySatisfied: 0, satisfied: 0, basicallySatisfied: 0, dissatisfied: 0 });

/** The column name a stored satisfaction counts in. */
export const LEVEL_OF: Record<string, keyof LevelCounts> = {
  VERY_SATISFIED: 'verySatisfied',
  SATISFIED: 'satisfied',
  BASICALLY_SATISFIED: 'basicallySatisfied',
  DISSATISFIED: 'dissatisfied',
};

/**
 * Rule (issue 31, the satisfaction index): the share of answers that are very satisfied or
 * satisfied, and a weighted score on 0–100 (100/80/60/0 per level), both over the four-level
 * answers only (choice and free-text answers count in neither).
 */
export function satisfactionIndex(c: LevelCounts): SatisfactionIndex {
  const answers = c.verySatisfied + c.satisfied + c.basicallySatisfied + c.dissatisfied;
  if (!answers) return { answers, share: null, score: null };
  const weighted =
    c.verySatisfied * LEVEL_WEIGHTS.verySatisfied +
    c.satisfied * LEVEL_WEIGHTS.satisfied +
    c.basicallySatisfied * LEVEL_WEIGHTS.basicallySatisfied +
    c.dissatisfied * LEVEL_WEIGHTS.dissatisfied;
  return {
    answers,
    share: Math.round(((c.verySatisfied + c.satisfied) / answers) * 10_000) / 10_000,
    score: Math.round((weighted / answers) * 10) / 10,
  };
}

/** The change of an index against the previous campaign's (share in points of 0–1, score in points of 0–100). */
export function indexChange(now: SatisfactionIndex, before: SatisfactionIndex): { share: number | null; score: number | null } {
  return {
    share: now.share === null || before.share === null ? null : Math.round((now.share - before.share) * 10_000) / 10_000,
    score: now.score === null || before.score === null ? null : Math.round((now.score - before.score) * 10) / 10,
  };
}
