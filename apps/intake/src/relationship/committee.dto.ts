import { Field, GraphQLISODateTime, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDate,
  IsEnum,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { trimString } from '@pc/platform';
import { RaisedItemInput } from '../customer/visits.dto';
import { CommitteePosition, type CommitteeMeeting, type CommitteeMember } from './relationship.entities';

registerEnumType(CommitteePosition, { name: 'CommitteePosition' });

export const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

@ObjectType('CommitteeMember', { description: "A seat on a site's owners' committee (业委会)." })
export class CommitteeMemberObject {
  @Field(() => ID) id: string;
  @Field(() => ID) siteId: string;
  @Field(() => ID) customerId: string;
  @Field(() => CommitteePosition) position: CommitteePosition;
  @Field({ description: 'YYYY-MM-DD.' }) since: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: left the committee.' }) leftOn?: string | null;

  static from(m: CommitteeMember): CommitteeMemberObject {
    return { id: m.id, siteId: m.siteId, customerId: m.customerId, position: m.position, since: m.since, leftOn: m.leftOn ?? null };
  }
}

@ObjectType('CommitteeItem', { description: 'A point raised at a meeting, the case it became and whether it was answered.' })
export class CommitteeItemObject {
  @Field(() => String, { description: 'COMPLAINT, SUGGESTION or REQUEST.' }) kind: string;
  @Field(() => ID, { description: 'The complaint, or the inquiry desk record of a suggestion or request.' }) id: string;
  @Field() description: string;
  @Field(() => ID, { description: 'The member who raised it.' }) raisedBy: string;
  @Field({ description: 'A complaint resolved or closed, an inquiry answered.' }) answered: boolean;
  @Field(() => GraphQLISODateTime, { nullable: true }) answeredAt?: Date | null;
}

@ObjectType('CommitteeMeeting', { description: "The month's communication meeting with the owners' committee." })
export class CommitteeMeetingObject {
  @Field(() => ID) id: string;
  @Field(() => ID) siteId: string;
  @Field({ description: 'YYYY-MM: the month it counts for (the site’s calendar).' }) month: string;
  @Field() heldAt: Date;
  @Field(() => [ID], { description: 'Members present (customer ids).' }) attendeeIds: string[];
  @Field(() => [ID], { description: 'Staff present.' }) staffIds: string[];
  @Field() minutes: string;
  @Field(() => [CommitteeItemObject]) items: CommitteeItemObject[];
  @Field(() => ID) recordedBy: string;

  static from(m: CommitteeMeeting, answers: Map<string, Date | null>): CommitteeMeetingObject {
    return {
      id: m.id,
      siteId: m.siteId,
      month: m.month,
      heldAt: m.heldAt,
      attendeeIds: m.attendeeIds,
      staffIds: m.staffIds,
      minutes: m.minutes,
      items: m.items.map((i) => ({ ...i, answered: answers.has(i.id), answeredAt: answers.get(i.id) ?? null })),
      recordedBy: m.recordedBy,
    };
  }
}

@InputType()
export class SaveCommitteeMemberInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) siteId: string;
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) customerId: string;
  @Field(() => CommitteePosition) @IsEnum(CommitteePosition) position: CommitteePosition;
  @Field({ description: 'YYYY-MM-DD, not in the future.' }) @Matches(DATE, { message: 'since must be YYYY-MM-DD' }) since: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the member left (their COMMITTEE_MEMBER tag goes).' })
  @IsOptional()
  @Matches(DATE, { message: 'leftOn must be YYYY-MM-DD' })
  leftOn?: string | null;
}

/** A point raised at a meeting: what a visit takes (kind, category, description), and the member who raised it. */
@InputType()
export class MeetingItemInput extends RaisedItemInput {
  @Field(() => ID, { nullable: true, description: 'The member (present) who raised it; default the first attendee.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  raisedBy?: string;
}

@InputType()
export class RecordCommitteeMeetingInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) siteId: string;
  @Field(() => GraphQLISODateTime, { description: 'When it was held; never in the future.' }) @IsDate() heldAt: Date;
  @Field(() => [ID], { description: 'Members present (customer ids): at least one.' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  attendeeIds: string[];
  @Field(() => [ID], { nullable: true, description: 'Staff present.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  staffIds?: string[];
  @Field()
  @Transform(trimString)
  @IsString()
  @IsNotEmpty({ message: 'minutes must not be empty' })
  @MaxLength(20000)
  minutes: string;
  @Field(() => [MeetingItemInput], { nullable: true, description: 'Every point raised: each becomes a tracked case.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MeetingItemInput)
  items?: MeetingItemInput[];
}
