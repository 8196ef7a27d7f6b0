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
  IsString,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Satisfaction } from '@pc/contracts';
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
  @Field(() => Satisfaction) @IsEnum(Satisfaction) satisfaction: Satisfaction;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(5000) comment?: string;
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
