import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsISO8601,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Satisfaction } from './enums';
import { defineEvent } from './event-contract';

/** How a survey question is answered (issue 31): on the four levels, by one of its options, or in words. */
export enum QuestionKind {
  SCALE = 'SCALE',
  CHOICE = 'CHOICE',
  TEXT = 'TEXT',
}

/** The kind of customer a survey sample is stratified by (intake's customer kind). */
export enum SurveyCustomerKind {
  OWNER = 'OWNER',
  TENANT = 'TENANT',
  OTHER = 'OTHER',
}

/** One question of a campaign, as its questionnaire's version had it when the campaign opened. */
export class SurveyQuestionV1 {
  @IsString() @IsNotEmpty() @MaxLength(1000) text: string;
  @IsEnum(QuestionKind) kind: QuestionKind;
  /** A CHOICE question's options. */
  @IsOptional() @IsArray() @IsString({ each: true }) @ArrayMaxSize(20) options?: string[];
  /** What the question is about (free-text answers are grouped by it in the results). */
  @IsOptional() @IsString() @MaxLength(100) category?: string;
}

/**
 * A survey campaign opened (客户意见调查, domain.md §4 and §7): its questions, and the sample drawn
 * for it (`sampleSize` absent: every customer of the site may answer). One per site; the sites of an
 * organisation-wide campaign share `groupId`. Analytics keeps it for the results (response rate,
 * the change against the previous campaign).
 */
export class SurveyOpenedV1 {
  @IsString() @IsNotEmpty() orgId: string;
  @IsString() @IsNotEmpty() siteId: string;
  @IsString() @IsNotEmpty() surveyId: string;
  @IsOptional() @IsString() groupId?: string;
  @IsString() @IsNotEmpty() kind: string;
  @IsString() @IsNotEmpty() period: string;
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => SurveyQuestionV1)
  questions: SurveyQuestionV1[];
  @IsOptional() @IsInt() @Min(0) sampleSize?: number;
  @IsISO8601({ strict: true }) openedAt: string;
  @IsOptional() @IsISO8601({ strict: true }) closesAt?: string;
}
export const SurveyOpened = defineEvent('survey.opened', 1, SurveyOpenedV1);

/** One answered question of a survey response (issue 31; in `survey.answered` beside the older `answers`). */
export class SurveyItemAnswerV1 {
  @IsInt() @Min(0) question: number;
  @IsEnum(QuestionKind) kind: QuestionKind;
  @IsOptional() @IsEnum(Satisfaction) satisfaction?: Satisfaction;
  @IsOptional() @IsString() @MaxLength(200) choice?: string;
  @IsOptional() @IsString() @MaxLength(5000) text?: string;
  /** The follow-up plan of a dissatisfied item (callback's `SurveyFollowUp`). */
  @IsOptional() @IsString() followUpId?: string;
}

/**
 * A survey follow-up plan (the plan for one dissatisfied item) passed its due date undone (domain.md
 * §4; callback's durable clock, once per plan). Notify tells its owner and the site head.
 */
export class SurveyFollowUpOverdueV1 {
  @IsString() @IsNotEmpty() orgId: string;
  @IsString() @IsNotEmpty() siteId: string;
  @IsString() @IsNotEmpty() surveyId: string;
  @IsString() @IsNotEmpty() followUpId: string;
  @IsString() @IsNotEmpty() ownerId: string;
  @IsInt() @Min(0) question: number;
  @IsISO8601({ strict: true }) dueAt: string;
}
export const SurveyFollowUpOverdue = defineEvent('survey.follow_up_overdue', 1, SurveyFollowUpOverdueV1);

/**
 * The quality department published its public answer to the annual survey (seed 004: the problems
 * many raised and what the company does about them). Intake posts it as a notice to the residents of
 * each site (the whole site), sent through notify on the chosen channels.
 */
export class SurveyAnswerPublishedV1 {
  @IsString() @IsNotEmpty() orgId: string;
  @IsString() @IsNotEmpty() answerId: string;
  @IsString() @IsNotEmpty() surveyId: string;
  @IsArray() @ArrayMinSize(1) @IsString({ each: true }) siteIds: string[];
  @IsString() @IsNotEmpty() @MaxLength(200) title: string;
  @IsString() @IsNotEmpty() @MaxLength(5000) body: string;
  @IsArray() @IsString({ each: true }) channels: string[];
  @IsISO8601({ strict: true }) publishedAt: string;
}
export const SurveyAnswerPublished = defineEvent('survey.answer_published', 1, SurveyAnswerPublishedV1);

/**
 * The quality department's monthly check (seed 004 §4.5.4) found a handled complaint not handled as
 * recorded, or its customer not really told. Dispatch sends the complaint's lead work order back for
 * rework, with a liaison letter carrying the finding.
 */
export class QualityFindingRecordedV1 {
  @IsString() @IsNotEmpty() orgId: string;
  @IsString() @IsNotEmpty() siteId: string;
  @IsString() @IsNotEmpty() complaintId: string;
  @IsString() @IsNotEmpty() checkId: string;
  @IsString() @IsNotEmpty() itemId: string;
  @IsBoolean() handledAsRecorded: boolean;
  @IsBoolean() customerTold: boolean;
  @IsOptional() @IsString() @MaxLength(5000) note?: string;
  @IsString() @IsNotEmpty() checkedBy: string;
  @IsISO8601({ strict: true }) at: string;
}
export const QualityFindingRecorded = defineEvent('quality.finding_recorded', 1, QualityFindingRecordedV1);
