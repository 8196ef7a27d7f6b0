import { Directive, Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Department, Severity, SlaClock, WorkOrderStatus } from '@pc/contracts';
import type { Deadline, WorkOrder } from './work-order.entity';
import { WorkOrderModule } from './work-order.module';

@ObjectType('Deadline', { registerIn: () => WorkOrderModule })
export class DeadlineObject {
  @Field(() => SlaClock) clock: SlaClock;
  @Field() dueAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) metAt?: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) breachedAt?: Date | null;

  static from(d: Deadline): DeadlineObject {
    return Object.assign(new DeadlineObject(), { clock: d.clock, dueAt: d.dueAt, metAt: d.metAt, breachedAt: d.breachedAt });
  }
}

/** The intake-owned Complaint, extended here with its work orders. */
@ObjectType('Complaint', { registerIn: () => WorkOrderModule })
@Directive('@key(fields: "id")')
export class ComplaintRef {
  @Field(() => ID) id: string;
}

@ObjectType('WorkOrder', { registerIn: () => WorkOrderModule })
@Directive('@key(fields: "id")')
export class WorkOrderObject {
  @Field(() => ID) id: string;
  @Field(() => ID) complaintId: string;
  @Field(() => ComplaintRef, { description: 'The complaint, resolved by intake through federation.' }) complaint: ComplaintRef;
  @Field(() => ID) siteId: string;
  @Field(() => Department) department: Department;
  @Field() lead: boolean;
  @Field(() => WorkOrderStatus) status: WorkOrderStatus;
  @Field(() => Severity) severity: Severity;
  @Field() createdAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) resolvedAt?: Date | null;
  @Field(() => String, { nullable: true }) resolution?: string | null;
  @Field(() => String, { nullable: true }) causeAnalysis?: string | null;
  @Field(() => String, { nullable: true }) preventiveAction?: string | null;
  @Field(() => [DeadlineObject]) deadlines: DeadlineObject[];

  static from(w: WorkOrder, deadlines: Deadline[]): WorkOrderObject {
    return Object.assign(new WorkOrderObject(), {
      id: w.id,
      complaintId: w.complaintId,
      complaint: { id: w.complaintId },
      siteId: w.siteId,
      department: w.department,
      lead: w.lead,
      status: w.status,
      severity: w.severity,
      createdAt: w.createdAt,
      resolvedAt: w.resolvedAt,
      resolution: w.resolution,
      causeAnalysis: w.causeAnalysis,
      preventiveAction: w.preventiveAction,
      deadlines: deadlines.filter((d) => d.workOrderId === w.id).map(DeadlineObject.from),
    });
  }
}

@ObjectType('WorkOrderEdge', { registerIn: () => WorkOrderModule })
export class WorkOrderEdge {
  @Field() cursor: string;
  @Field(() => WorkOrderObject) node: WorkOrderObject;
}

@ObjectType('PageInfo', { registerIn: () => WorkOrderModule })
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

@ObjectType('WorkOrderConnection', { registerIn: () => WorkOrderModule })
export class WorkOrderConnection {
  @Field(() => [WorkOrderEdge]) edges: WorkOrderEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}

