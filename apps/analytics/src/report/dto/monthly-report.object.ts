import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('CountBy')
export class CountByObject {
  @Field() key: string;
  @Field(() => Int) count: number;
}

@ObjectType('SlaAttainment')
export class SlaAttainmentObject {
  @Field(() => Int) deadlines: number;
  @Field(() => Int) metOnTime: number;
  @Field(() => Int) breached: number;
  @Field(() => Int) open: number;
  @Field(() => Float, { nullable: true, description: 'metOnTime / (metOnTime + breached); null when none decided.' })
  attainment: number | null;
}

@ObjectType('CallbackCoverage')
export class CallbackCoverageObject {
  @Field(() => Int) resolved: number;
  @Field(() => Int) completed: number;
  @Field(() => Int) onTime: number;
  @Field(() => Int) missing: number;
  @Field(() => Float, { nullable: true, description: 'completed / resolved; null when nothing was resolved.' })
  coverage: number | null;
}

@ObjectType('MonthlyReport')
export class MonthlyReportObject {
  @Field() month: string;
  @Field(() => ID, { nullable: true }) siteId: string | null;
  @Field(() => Int, { description: 'Valid complaints received in the month.' }) complaints: number;
  @Field(() => Int, { description: 'Invalid complaints received in the month (each owed a reasoned reply).' }) invalid: number;
  @Field(() => Int, { description: 'Valid complaints answered on the spot at intake.' }) resolvedAtIntake: number;
  @Field(() => [CountByObject]) byCategory: CountByObject[];
  @Field(() => [CountByObject]) bySeverity: CountByObject[];
  @Field(() => [CountByObject]) byChannel: CountByObject[];
  @Field(() => [CountByObject]) byDepartment: CountByObject[];
  @Field(() => SlaAttainmentObject) sla: SlaAttainmentObject;
  @Field(() => CallbackCoverageObject) callbacks: CallbackCoverageObject;
  @Field(() => [CountByObject]) satisfaction: CountByObject[];
}
