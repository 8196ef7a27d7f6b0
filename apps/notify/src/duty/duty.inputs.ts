import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class ShiftInput {
  @Field() @IsString() @IsNotEmpty() @MaxLength(64) name: string;
  @Field({ description: "HH:MM in the site's time zone." }) @IsString() startsAt: string;
  @Field({ description: 'HH:MM; 24:00 ends the day; earlier than startsAt for a shift past midnight.' }) @IsString() endsAt: string;
}

@InputType()
export class AssignDutyInput {
  @Field(() => ID) @IsString() @IsNotEmpty() siteId: string;
  @Field({ description: 'YYYY-MM-DD: the date the shift begins.' }) @Matches(DATE, { message: 'date must be YYYY-MM-DD' }) date: string;
  @Field() @IsString() @IsNotEmpty() shift: string;
  @Field(() => [ID]) @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) staffIds: string[];
}

@InputType()
export class AssignDutyDirectorInput {
  @Field(() => ID) @IsString() @IsNotEmpty() siteId: string;
  @Field() @Matches(DATE, { message: 'date must be YYYY-MM-DD' }) date: string;
  @Field(() => ID) @IsString() @IsNotEmpty() userId: string;
}

@InputType()
export class HandOverShiftInput {
  @Field(() => ID) @IsString() @IsNotEmpty() siteId: string;
  @Field() @IsString() @MaxLength(4000) note: string;
}

@ArgsType()
export class DutyRosterArgs {
  @Field(() => ID) @IsString() @IsNotEmpty() siteId: string;
  @Field() @Matches(DATE, { message: 'from must be YYYY-MM-DD' }) from: string;
  @Field() @Matches(DATE, { message: 'to must be YYYY-MM-DD' }) to: string;
}

@ArgsType()
export class ShiftHandoversArgs {
  @Field(() => ID) @IsString() @IsNotEmpty() siteId: string;
  @Field(() => Int, { nullable: true, defaultValue: 20 }) @IsOptional() @IsInt() @Min(1) @Max(100) first?: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) after?: string;
}
