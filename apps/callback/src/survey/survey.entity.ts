import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Satisfaction } from '@pc/contracts';

/** Periodic satisfaction surveys (客户意见调查, domain.md §4). */
export enum SurveyKind {
  MONTHLY_VISIT = 'MONTHLY_VISIT',
  QUARTERLY_QUESTIONNAIRE = 'QUARTERLY_QUESTIONNAIRE',
  ANNUAL_SURVEY = 'ANNUAL_SURVEY',
}

@Entity({ tableName: 'survey' })
@Index({ properties: ['orgId', 'siteId', 'period'] })
export class Survey {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 32 }) kind: SurveyKind;
  /** `YYYY-MM` (monthly), `YYYY-Qn` (quarterly) or `YYYY` (annual). */
  @Property({ type: 'string', length: 16 }) period: string;
  @Property({ type: 'json' }) questions: string[];
  @Property({ type: 'string', length: 64 }) createdBy: string;
  @Property({ type: 'datetime' }) createdAt: Date;
}

export interface SurveyAnswer {
  question: number;
  satisfaction: Satisfaction;
  comment?: string | null;
}

@Entity({ tableName: 'survey_response' })
@Index({ properties: ['surveyId'] })
export class SurveyResponse {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) surveyId: string;
  @Property({ type: 'string', length: 64 }) customerId: string;
  @Property({ type: 'json' }) answers: SurveyAnswer[];
  @Property({ type: 'string', length: 64 }) recordedBy: string;
  @Property({ type: 'datetime' }) at: Date;
}

/** What will be done about one dissatisfied item, by whom and by when. */
@Entity({ tableName: 'survey_follow_up' })
@Index({ properties: ['orgId', 'siteId', 'doneAt', 'dueAt'] })
export class FollowUpPlan {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64 }) surveyId: string;
  @Property({ type: 'string', length: 64 }) responseId: string;
  @Property({ type: 'integer' }) question: number;
  @Property({ type: 'text' }) plan: string;
  @Property({ type: 'string', length: 64 }) ownerId: string;
  @Property({ type: 'datetime' }) dueAt: Date;
  @Property({ type: 'datetime', nullable: true }) doneAt?: Date | null;
}
