import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export const MONTH = /^(20\d{2})-(0[1-9]|1[0-2])$/;
export const MONTH_MESSAGE = 'must be a month as YYYY-MM';

@ArgsType()
export class MonthlyReportArgs {
  @Field({ description: 'YYYY-MM' }) @Matches(MONTH, { message: MONTH_MESSAGE }) month: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @MaxLength(64) siteId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @MaxLength(64) areaId?: string;
}

@ArgsType()
export class MonthlyComplaintsArgs extends MonthlyReportArgs {
  @Field(() => Int, { nullable: true, description: 'Page size (1–200, default 50).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(200)
  first?: number;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) after?: string;
}

@InputType('SubmitMonthlyReportInput')
export class SubmitMonthlyReportInput {
  @Field({ description: 'YYYY-MM' }) @Matches(MONTH, { message: MONTH_MESSAGE }) month: string;
  @Field(() => ID, { nullable: true, description: 'One site; every site of the caller with figures for the month when absent.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  siteId?: string;
  @Field({ description: "The quality department's commentary." }) @IsString() @IsNotEmpty() @MaxLength(10_000) commentary: string;
}
