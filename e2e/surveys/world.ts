import type { System } from '@pc/system';

type Call = Promise<{ data?: any; errors?: any[] }>;

/** What the survey spec's rule files share (e2e/surveys/*.ts): its system, tokens and helpers, read when a test runs. */
export interface SurveysWorld {
  system: System;
  quality: string;
  desk: string;
  questionnaireId: string;
  launch: (t: string, input: Record<string, unknown>) => Call;
  answer: (t: string, input: Record<string, unknown>) => Call;
  /** A full answer: question 0 on the four levels, 1 an option, 2 in words. */
  answers: (level: string, choice?: string, words?: string) => Record<string, unknown>[];
  followUp: (question?: number) => Record<string, unknown>[];
}
