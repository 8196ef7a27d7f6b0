import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '@pc/subgraph';

@ObjectType('Shift')
export class ShiftObject {
  @Field() name: string;
  @Field() startsAt: string;
  @Field() endsAt: string;
}

@ObjectType('DutyPerson')
export class DutyPersonObject {
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true }) name?: string | null;
}

@ObjectType('Duty')
export class DutyObject {
  @Field({ description: 'The date the shift began (YYYY-MM-DD).' }) date: string;
  @Field(() => ShiftObject) shift: ShiftObject;
  @Field(() => [DutyPersonObject]) staff: DutyPersonObject[];
  @Field(() => DutyPersonObject, { nullable: true }) director?: DutyPersonObject | null;
}

@ObjectType('RosterDay')
export class RosterDayObject {
  @Field() date: string;
  @Field(() => [DutyObject]) shifts: DutyObject[];
  @Field(() => DutyPersonObject, { nullable: true }) director?: DutyPersonObject | null;
}

@ObjectType('HandoverItem')
export class HandoverItemObject {
  @Field() kind: string;
  @Field(() => ID, { nullable: true }) complaintId?: string | null;
  @Field(() => ID, { nullable: true }) workOrderId?: string | null;
  @Field(() => ID, { nullable: true }) notificationId?: string | null;
  @Field() text: string;
  @Field(() => String, { nullable: true }) dueAt?: string | null;
}

@ObjectType('ShiftHandover')
export class ShiftHandoverObject {
  @Field(() => ID) id: string;
  @Field(() => ID) siteId: string;
  @Field() date: string;
  @Field() shift: string;
  @Field() toDate: string;
  @Field() toShift: string;
  @Field(() => ID) handedOverBy: string;
  @Field() note: string;
  @Field(() => [HandoverItemObject]) items: HandoverItemObject[];
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => ID, { nullable: true }) acknowledgedBy?: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) acknowledgedAt?: Date | null;
}

@ObjectType('ShiftHandoverEdge')
export class ShiftHandoverEdge {
  @Field() cursor: string;
  @Field(() => ShiftHandoverObject) node: ShiftHandoverObject;
}

@ObjectType('ShiftHandoverConnection')
export class ShiftHandoverConnection {
  @Field(() => [ShiftHandoverEdge]) edges: ShiftHandoverEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}
