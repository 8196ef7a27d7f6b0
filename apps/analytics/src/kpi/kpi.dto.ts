import { ArgsType, Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Category, Department } from '@pc/contracts';

export enum KpiBucket {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}
registerEnumType(KpiBucket, {
  name: 'KpiBucket',
  description: 'The time bucket of a KPI series (local days of the site; weeks start on Monday).',
});

const DAY = /^20\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

@ArgsType()
export class KpiArgs {
  @Field({ description: 'First local day, YYYY-MM-DD.' }) @Matches(DAY, { message: 'must be a day as YYYY-MM-DD' }) from: string;
  @Field({ description: 'Last local day, YYYY-MM-DD (included).' }) @Matches(DAY, { message: 'must be a day as YYYY-MM-DD' }) to: string;
  @Field(() => KpiBucket) @IsEnum(KpiBucket) bucket: KpiBucket;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @MaxLength(64) siteId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @MaxLength(64) areaId?: string;
  @Field(() => Category, { nullable: true }) @IsOptional() @IsEnum(Category) category?: Category;
  @Field(() => Department, { nullable: true }) @IsOptional() @IsEnum(Department) department?: Department;
}

@ObjectType('KpiPoint', { description: 'The KPIs of one time bucket (complaints by day of receipt, callbacks by day of resolution).' })
export class KpiPointObject {
  @Field({ description: 'The bucket: YYYY-MM-DD (a day, or the Monday of a week) or YYYY-MM.' }) period: string;
  @Field(() => Int, { description: 'Valid complaints received.' }) complaints: number;
  @Field(() => Int) slaDeadlines: number;
  @Field(() => Int) slaMetOnTime: number;
  @Field(() => Float, { nullable: true, description: 'Met on time / decided deadlines.' }) slaAttainment: number | null;
  @Field(() => Int) callbacksOwed: number;
  @Field(() => Int) callbacksCompleted: number;
  @Field(() => Float, { nullable: true, description: 'Completed / owed.' }) callbackCoverage: number | null;
  @Field(() => Float, { nullable: true, description: 'Completed callbacks above DISSATISFIED / completed.' }) satisfactionRate:
    number | null;
  @Field(() => Int, { description: 'Complaints that are a rule-A repeat.' }) repeatComplaints: number;
  @Field(() => Float, { nullable: true, description: 'repeatComplaints / complaints.' }) repeatRate: number | null;
  @Field(() => Float, { nullable: true, description: 'Median hours from receipt to the first handling plan signed off.' })
  medianHoursToPlan: number | null;
  @Field(() => Float, { nullable: true, description: 'Median hours from receipt to the first resolution.' }) medianHoursToResolve:
    number | null;
  @Field(() => Int, { description: "Major complaints' 10-minute reports to the asset-management head decided (met or passed)." })
  headReportsDecided: number;
  @Field(() => Int, { description: 'Of those, made within the 10 minutes.' }) headReportsOnTime: number;
  @Field(() => Float, { nullable: true, description: 'headReportsOnTime / headReportsDecided.' }) headReportAttainment: number | null;
  @Field(() => Int, { description: 'Messages acknowledged (by day of acknowledgement).' }) acknowledgements: number;
  @Field(() => Float, { nullable: true, description: 'Median minutes from a message to its acknowledgement.' })
  medianMinutesToAcknowledge: number | null;
}
