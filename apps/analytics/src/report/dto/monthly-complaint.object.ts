import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '@pc/subgraph';

@ObjectType('ComplaintHandling', { description: 'One department’s handling of a complaint (its work order as it now stands).' })
export class ComplaintHandlingObject {
  @Field(() => ID) workOrderId: string;
  @Field() department: string;
  @Field() lead: boolean;
  @Field() status: string;
  @Field(() => Int) round: number;
  @Field(() => String, { nullable: true }) plan: string | null;
  @Field(() => ID, { nullable: true }) handlerId: string | null;
  @Field(() => String, { nullable: true }) resolution: string | null;
  @Field(() => String, { nullable: true }) resolvedAt: string | null;
  @Field(() => String, { nullable: true }) cause: string | null;
  @Field() escalationLevel: string;
  @Field(() => Int) extensions: number;
}

@ObjectType('ComplaintCallbackResult')
export class ComplaintCallbackResultObject {
  @Field(() => Int) round: number;
  @Field({ description: 'OPEN, DONE or UNREACHABLE.' }) status: string;
  @Field() dueAt: string;
  @Field(() => String, { nullable: true }) completedAt: string | null;
  @Field(() => String, { nullable: true }) satisfaction: string | null;
}

@ObjectType('MonthlyComplaint', { description: 'One valid complaint of the month with its handling (上报表格).' })
export class MonthlyComplaintObject {
  @Field(() => ID) complaintId: string;
  @Field(() => ID) siteId: string;
  @Field(() => ID, { nullable: true }) areaId: string | null;
  @Field() receivedAt: string;
  @Field() channel: string;
  @Field() category: string;
  @Field() severity: string;
  @Field(() => [String], { description: 'Routed departments, lead first.' }) departments: string[];
  @Field(() => String, { nullable: true }) resolvedAt: string | null;
  @Field(() => String, { nullable: true }) closedAt: string | null;
  @Field(() => Int) rounds: number;
  @Field(() => String, { nullable: true }) cause: string | null;
  @Field(() => [ComplaintHandlingObject]) handling: ComplaintHandlingObject[];
  @Field(() => Int, { description: 'Deadlines met on time.' }) deadlinesMet: number;
  @Field(() => Int, { description: 'Deadlines met late or breached.' }) deadlinesBreached: number;
  @Field(() => Int) deadlinesOpen: number;
  @Field(() => ComplaintCallbackResultObject, { nullable: true, description: 'The latest callback.' })
  callback: ComplaintCallbackResultObject | null;
}

@ObjectType('MonthlyComplaintEdge')
export class MonthlyComplaintEdge {
  @Field() cursor: string;
  @Field(() => MonthlyComplaintObject) node: MonthlyComplaintObject;
}

@ObjectType('MonthlyComplaintConnection')
export class MonthlyComplaintConnection {
  @Field(() => [MonthlyComplaintEdge]) edges: MonthlyComplaintEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}
