import type { AuthUser } from '@pc/platform';
import type { Satisfaction } from '@pc/contracts';
import type { SurveyKind } from '../survey.entity';

/**
 * The survey commands (客户意见调查, domain.md §4).
 * Plain data, built by the resolvers from their GraphQL input; `actor` is the verified caller.
 */
export interface CreateSurveyCommand {
  actor: AuthUser;
  siteId: string;
  kind: SurveyKind;
  period: string;
  questions: string[];
}
export interface RecordSurveyResponseCommand {
  actor: AuthUser;
  surveyId: string;
  customerId: string;
  answers: SurveyAnswer[];
  followUps: FollowUp[];
}
export interface CompleteFollowUpCommand {
  actor: AuthUser;
  id: string;
}
export interface SurveyAnswer {
  question: number;
  satisfaction?: Satisfaction;
  choice?: string;
  comment?: string;
}
export interface FollowUp {
  question: number;
  plan: string;
  ownerId: string;
  dueAt: Date;
}
