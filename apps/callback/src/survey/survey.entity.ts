import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { QuestionKind, Satisfaction, SurveyCustomerKind } from '@pc/contracts';

/** Periodic satisfaction surveys (客户意见调查, domain.md §4). */
export enum SurveyKind {
  MONTHLY_VISIT = 'MONTHLY_VISIT',
  QUARTERLY_QUESTIONNAIRE = 'QUARTERLY_QUESTIONNAIRE',
  ANNUAL_SURVEY = 'ANNUAL_SURVEY',
}

export enum SurveyStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}

/** One question as a questionnaire version (and the campaigns that use it) holds it. */
export interface SurveyQuestion {
  text: string;
  kind: QuestionKind;
  options?: string[];
  category?: string;
}

/**
 * A questionnaire (问卷), reusable between campaigns: saving one under the same name makes its next
 * version; a campaign keeps the version it opened with, so a later edit changes no earlier result.
 */
@Entity({ tableName: 'questionnaire' })
@Unique({ properties: ['orgId', 'name', 'version'] })
export class Questionnaire {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 200 }) name: string;
  @Property({ type: 'integer' }) version: number;
  @Property({ type: 'json' }) questions: SurveyQuestion[];
  @Property({ type: 'string', length: 64 }) createdBy: string;
  @Property({ type: 'datetime' }) createdAt: Date;
}

/** How a campaign's sample is drawn (kept with it). */
export interface SampleRule {
  mode: 'ALL' | 'COUNT' | 'SHARE';
  size?: number;
  share?: number;
  stratify: boolean;
  excludeSurveyedWithinDays: number;
  seed: string;
}

/**
 * A survey campaign (客户意见调查) of one site: its questions, its sample and whether it still takes
 * answers. The sites of one organisation-wide campaign (the annual survey) share `groupId`.
 */
@Entity({ tableName: 'survey' })
@Index({ properties: ['orgId', 'siteId', 'period'] })
export class Survey {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 32 }) kind: SurveyKind;
  /** `YYYY-MM` (monthly), `YYYY-Qn` (quarterly) or `YYYY` (annual). */
  @Property({ type: 'string', length: 16 }) period: string;
  /** The questions' texts (every kind), in order. */
  @Property({ type: 'json' }) questions: string[];
  /** The questions with their kinds (null: a survey from before campaigns, all on the four levels). */
  @Property({ type: 'json', nullable: true }) items?: SurveyQuestion[] | null;
  @Property({ type: 'string', length: 64, nullable: true }) questionnaireId?: string | null;
  @Property({ type: 'string', length: 64, nullable: true }) groupId?: string | null;
  @Property({ type: 'string', length: 16 }) status: SurveyStatus = SurveyStatus.OPEN;
  @Property({ type: 'datetime', nullable: true }) closesAt?: Date | null;
  @Property({ type: 'datetime', nullable: true }) closedAt?: Date | null;
  /** The sample's rule and size (null: no sample drawn, every customer of the site may answer). */
  @Property({ type: 'json', nullable: true }) sampleRule?: SampleRule | null;
  @Property({ type: 'integer', nullable: true }) sampleSize?: number | null;
  @Property({ type: 'string', length: 64 }) createdBy: string;
  @Property({ type: 'datetime' }) createdAt: Date;
}

/** The campaign's questions with their kinds (a survey from before campaigns: every question on the four levels). */
export const itemsOf = (s: Survey): SurveyQuestion[] => s.items ?? s.questions.map((text) => ({ text, kind: QuestionKind.SCALE }));

/** A customer drawn into a campaign's sample, drawn once and kept. */
@Entity({ tableName: 'survey_sample' })
@Index({ properties: ['orgId', 'siteId', 'customerId'] })
export class SurveySample {
  @PrimaryKey({ type: 'string', length: 64 }) surveyId: string;
  @PrimaryKey({ type: 'string', length: 64 }) customerId: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64, nullable: true }) areaId?: string | null;
  @Property({ type: 'string', length: 16, nullable: true }) kind?: SurveyCustomerKind | null;
  @Property({ type: 'datetime' }) drawnAt: Date;
  @Property({ type: 'datetime', nullable: true }) answeredAt?: Date | null;
}

export interface SurveyAnswer {
  question: number;
  /** A SCALE question's level. */
  satisfaction?: Satisfaction | null;
  /** A CHOICE question's option. */
  choice?: string | null;
  /** A TEXT question's answer, or a comment on a SCALE answer. */
  comment?: string | null;
}

@Entity({ tableName: 'survey_response' })
@Index({ properties: ['surveyId'] })
@Unique({ properties: ['surveyId', 'customerId'] })
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
  /** When its clock announced it overdue (once). */
  @Property({ type: 'datetime', nullable: true }) overdueAt?: Date | null;
  /** The customer called back after it was done: when, by whom, how satisfied, what they said. */
  @Property({ type: 'datetime', nullable: true }) calledBackAt?: Date | null;
  @Property({ type: 'string', length: 64, nullable: true }) calledBackBy?: string | null;
  @Property({ type: 'string', length: 32, nullable: true }) callbackSatisfaction?: Satisfaction | null;
  @Property({ type: 'text', nullable: true }) callbackNote?: string | null;
}

/**
 * A site's standing order for a kind of campaign (issue 31): the month's visit opens itself on the
 * 1st, the quarter's questionnaire at the quarter's start, with this questionnaire and sample rule.
 * One per site and kind; `nextRunAt` is its durable clock.
 */
@Entity({ tableName: 'survey_schedule' })
@Unique({ properties: ['orgId', 'siteId', 'kind'] })
@Index({ properties: ['active', 'nextRunAt'] })
export class SurveySchedule {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 32 }) kind: SurveyKind;
  @Property({ type: 'string', length: 64 }) questionnaireId: string;
  @Property({ type: 'json' }) sampleRule: SampleRule;
  @Property({ type: 'boolean' }) active: boolean;
  /** The period its next campaign is for, and when that campaign opens. */
  @Property({ type: 'string', length: 16 }) nextPeriod: string;
  @Property({ type: 'datetime' }) nextRunAt: Date;
  /** The campaign it opened last, or why it could not (the clock moves on either way). */
  @Property({ type: 'string', length: 64, nullable: true }) lastSurveyId?: string | null;
  @Property({ type: 'text', nullable: true }) lastError?: string | null;
  @Property({ type: 'string', length: 64 }) createdBy: string;
  @Property({ type: 'datetime' }) updatedAt: Date;
}

/**
 * The quality department's public answer to an annual survey (seed 004): the problems many raised and
 * what is done about them, approved by QUALITY and posted to the residents of the campaign's sites.
 * One per campaign (the group's, for the whole organisation).
 */
@Entity({ tableName: 'survey_public_answer' })
@Unique({ properties: ['orgId', 'campaignKey'] })
export class SurveyPublicAnswer {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  /** The group of an organisation-wide campaign, else the survey. */
  @Property({ type: 'string', length: 64 }) campaignKey: string;
  @Property({ type: 'string', length: 64 }) surveyId: string;
  @Property({ type: 'json' }) siteIds: string[];
  @Property({ type: 'string', length: 200 }) title: string;
  @Property({ type: 'text' }) body: string;
  @Property({ type: 'json' }) channels: string[];
  @Property({ type: 'string', length: 64 }) approvedBy: string;
  @Property({ type: 'datetime' }) publishedAt: Date;
}
