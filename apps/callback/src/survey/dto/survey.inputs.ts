import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsNumber,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { QuestionKind, Satisfaction } from '@pc/contracts';
import { trimString } from '@pc/platform';
import { SurveyKind } from '../survey.entity';

@InputType()
export class CreateSurveyInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) siteId: string;
  @Field(() => SurveyKind) @IsEnum(SurveyKind) kind: SurveyKind;
  @Field({ description: 'YYYY-MM (monthly visit), YYYY-Qn (quarterly questionnaire) or YYYY (annual survey).' })
  @IsString()
  @MaxLength(16)
  period: string;
  @Field(() => [String])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(1000, { each: true })
  questions: string[];
}

@InputType()
export class SurveyAnswerInput {
  @Field(() => Int, { description: 'Index of the question (0-based).' }) @IsInt() @Min(0) question: number;
  @Field(() => Satisfaction, { nullable: true, description: 'The level, for a question on the four levels (SCALE).' })
  @IsOptional()
  @IsEnum(Satisfaction)
  satisfaction?: Satisfaction;
  @Field({ nullable: true, description: "One of a CHOICE question's options." }) @IsOptional() @IsString() @MaxLength(200) choice?: string;
  @Field({ nullable: true, description: "A TEXT question's answer, or a comment on a SCALE or CHOICE answer." })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  comment?: string;
}

@InputType({ description: 'One question of a questionnaire.' })
export class QuestionInput {
  @Field() @Transform(trimString) @IsString() @IsNotEmpty() @MaxLength(1000) text: string;
  @Field(() => QuestionKind, { defaultValue: QuestionKind.SCALE }) @IsEnum(QuestionKind) kind: QuestionKind = QuestionKind.SCALE;
  @Field(() => [String], { nullable: true, description: "A CHOICE question's options (2–20)." })
  @ValidateIf((q: QuestionInput) => q.kind === QuestionKind.CHOICE)
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  options?: string[];
  @Field({ nullable: true, description: 'What it is about: free-text answers are grouped by it in the results.' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(100)
  category?: string;
}

@InputType({ description: 'A questionnaire; saving one under a name it already has makes its next version.' })
export class SaveQuestionnaireInput {
  @Field() @Transform(trimString) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @Field(() => [QuestionInput])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => QuestionInput)
  questions: QuestionInput[];
}

export enum SampleMode {
  ALL = 'ALL',
  COUNT = 'COUNT',
  SHARE = 'SHARE',
}

@InputType({ description: "Who is asked: everyone, a number or a share of the site's customers, drawn once from the seed and kept." })
export class SampleInput {
  @Field(() => SampleMode) @IsEnum(SampleMode) mode: SampleMode;
  @Field(() => Int, { nullable: true, description: 'COUNT: how many (per site).' })
  @ValidateIf((s: SampleInput) => s.mode === SampleMode.COUNT)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  size?: number;
  @Field(() => Number, { nullable: true, description: 'SHARE: the share of the customers, above 0 and at most 1.' })
  @ValidateIf((s: SampleInput) => s.mode === SampleMode.SHARE)
  @IsNumber()
  @Min(0.0001)
  @Max(1)
  share?: number;
  @Field({ defaultValue: false, description: 'Each area × owner/tenant gets its proportional part.' })
  @IsBoolean()
  stratify: boolean = false;
  @Field(() => Int, { defaultValue: 0, description: 'Leave out customers who answered a survey in the last this many days.' })
  @IsInt()
  @Min(0)
  @Max(3650)
  excludeSurveyedWithinDays: number = 0;
  @Field({ nullable: true, description: 'The seed of the draw (default: the kind and period): the same seed draws the same sample.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  seed?: string;
}

@InputType({
  description: 'A survey campaign: one site, or (the annual survey, QUALITY) every site of the organisation the caller is granted.',
})
export class LaunchSurveyInput {
  @Field(() => ID, { nullable: true, description: 'The site; absent: every site (ANNUAL_SURVEY only).' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  siteId?: string;
  @Field(() => SurveyKind) @IsEnum(SurveyKind) kind: SurveyKind;
  @Field({ description: 'YYYY-MM (monthly visit), YYYY-Qn (quarterly questionnaire) or YYYY (annual survey).' })
  @IsString()
  @MaxLength(16)
  period: string;
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) questionnaireId: string;
  @Field(() => SampleInput) @ValidateNested() @Type(() => SampleInput) sample: SampleInput;
  @Field({ nullable: true, description: 'When it stops taking answers.' }) @IsOptional() @IsDate() closesAt?: Date;
}

@ArgsType()
export class SurveysArgs {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @MaxLength(64) siteId?: string;
  @Field(() => SurveyKind, { nullable: true }) @IsOptional() @IsEnum(SurveyKind) kind?: SurveyKind;
  @Field(() => Int, { nullable: true, description: 'Only campaigns of this year (their period).' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
  @Field(() => Int, { nullable: true, description: 'The newest this many (1–200; default 50).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(200)
  first?: number;
}

@InputType({ description: 'The follow-up plan of one dissatisfied item.' })
export class FollowUpInput {
  @Field(() => Int) @IsInt() @Min(0) question: number;
  @Field() @Transform(trimString) @IsString() @IsNotEmpty({ message: 'plan must not be empty' }) @MaxLength(5000) plan: string;
  @Field(() => ID) @Transform(trimString) @IsString() @IsNotEmpty({ message: 'ownerId must name an owner' }) @MaxLength(64) ownerId: string;
  @Field() @IsDate() dueAt: Date;
}

@InputType({ description: "One customer's answers; every dissatisfied item needs its follow-up plan." })
export class RecordSurveyResponseInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) surveyId: string;
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) customerId: string;
  @Field(() => [SurveyAnswerInput])
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => SurveyAnswerInput)
  answers: SurveyAnswerInput[];
  @Field(() => [FollowUpInput], { defaultValue: [] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => FollowUpInput)
  followUps: FollowUpInput[] = [];
}

@ArgsType()
export class FollowUpsArgs {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @MaxLength(64) siteId?: string;
  @Field({ nullable: true, description: 'Only open (true) or only done (false) plans.' }) @IsOptional() @IsBoolean() open?: boolean;
}

@InputType({
  description: "A site's standing order: the month's visit opens itself on the 1st, the quarter's questionnaire at the quarter's start.",
})
export class ScheduleSurveysInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) siteId: string;
  @Field(() => SurveyKind, { description: 'MONTHLY_VISIT or QUARTERLY_QUESTIONNAIRE.' }) @IsEnum(SurveyKind) kind: SurveyKind;
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) questionnaireId: string;
  @Field(() => SampleInput) @ValidateNested() @Type(() => SampleInput) sample: SampleInput;
  @Field({ defaultValue: true, description: 'false stops the schedule.' }) @IsBoolean() active: boolean = true;
}

@InputType({ description: 'The customer called back about a follow-up plan that is done.' })
export class FollowUpCallbackInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) id: string;
  @Field(() => Satisfaction) @IsEnum(Satisfaction) satisfaction: Satisfaction;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(5000) note?: string;
}
