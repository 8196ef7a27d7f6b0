import { Field, GraphQLISODateTime, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { Category, Satisfaction, SlaClock } from '@pc/contracts';
import { trimString } from '@pc/platform';
import { NoticeKind } from '../relationship/relationship.entities';

/** Where a case stands, in the resident's words. */
export enum ResidentCaseStatus {
  RECEIVED = 'RECEIVED',
  DEPARTMENT_WORKING = 'DEPARTMENT_WORKING',
  SOLUTION_AGREED = 'SOLUTION_AGREED',
  RESOLVED = 'RESOLVED',
  CLOSED = 'CLOSED',
  /** Not taken as a complaint: a reasoned reply follows or was given. */
  NOT_ACCEPTED = 'NOT_ACCEPTED',
}
registerEnumType(ResidentCaseStatus, { name: 'ResidentCaseStatus' });

@ObjectType('ResidentStep', { description: 'One step of the case as the resident sees it (no staff names).' })
export class ResidentStepObject {
  @Field(() => ResidentCaseStatus) step: ResidentCaseStatus;
  @Field() at: Date;
}

@ObjectType('ResidentDeadline')
export class ResidentDeadlineObject {
  @Field(() => SlaClock) clock: SlaClock;
  @Field() dueAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) metAt?: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) breachedAt?: Date | null;
}

@ObjectType('ResidentRating')
export class ResidentRatingObject {
  @Field(() => Satisfaction) satisfaction: Satisfaction;
  @Field(() => String, { nullable: true }) comment?: string | null;
  @Field() at: Date;
}

@ObjectType('ResidentNotice', { description: "A notice for the customer's building (outage, works, activity, rules)." })
export class ResidentNoticeObject {
  @Field(() => NoticeKind) kind: NoticeKind;
  @Field() title: string;
  @Field() body: string;
  @Field() startsAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) endsAt?: Date | null;
}

@ObjectType('ResidentCase', {
  description: "One case as its customer sees it from the link: status, timeline, deadlines; nobody else's data.",
})
export class ResidentCaseObject {
  @Field({ description: 'A short reference to quote on the phone.' }) reference: string;
  @Field() siteName: string;
  @Field(() => Category) category: Category;
  @Field({ description: "The customer's own words." }) description: string;
  @Field(() => ResidentCaseStatus) status: ResidentCaseStatus;
  @Field() receivedAt: Date;
  @Field(() => [ResidentStepObject]) timeline: ResidentStepObject[];
  @Field(() => [ResidentDeadlineObject]) deadlines: ResidentDeadlineObject[];
  @Field({ description: 'The case is resolved and the customer has not confirmed it yet.' }) canConfirm: boolean;
  @Field({ description: 'The case is resolved and this resolution is not rated yet.' }) canRate: boolean;
  @Field(() => GraphQLISODateTime, { nullable: true }) confirmedAt?: Date | null;
  @Field(() => ResidentRatingObject, { nullable: true }) rating?: ResidentRatingObject | null;
  @Field(() => [ResidentNoticeObject], { description: "The notices showing now for the customer's units (newest first)." })
  notices: ResidentNoticeObject[];
}

@InputType()
export class ResidentFeedbackInput {
  @Field({ nullable: true, description: 'The customer confirms the case is resolved (their own confirmation, from the link).' })
  @IsOptional()
  @IsBoolean()
  confirmResolved?: boolean;
  @Field(() => Satisfaction, { nullable: true }) @IsOptional() @IsEnum(Satisfaction) satisfaction?: Satisfaction;
  @Field(() => String, { nullable: true }) @IsOptional() @Transform(trimString) @IsString() @MaxLength(2000) comment?: string;
}
