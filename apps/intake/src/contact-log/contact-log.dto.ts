import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsDate, IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Channel, ContactSource, Department } from '@pc/contracts';
import { trimString } from '@pc/platform';
import { PageInfo } from '@pc/subgraph';
import type { ContactLogEntry } from './contact-log.entity';

export const MAX_CONTACT_PAGE = 200;

@ObjectType('ContactLogEntry', { description: 'A contact with a customer (与顾客沟通登记表): what was asked and answered.' })
export class ContactLogEntryObject {
  @Field(() => ID) id: string;
  @Field(() => ID) siteId: string;
  @Field(() => ID, { nullable: true }) customerId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The complaint, repair, paid service or inquiry it was about.' }) caseId?: string | null;
  @Field(() => Department, { nullable: true, description: 'Whose log it is in; null: customer service / the front desk.' })
  department?: Department | null;
  @Field(() => Channel) channel: Channel;
  @Field(() => String, { nullable: true }) asked?: string | null;
  @Field() answered: string;
  @Field(() => ID) by: string;
  @Field() at: Date;
  @Field(() => ContactSource) source: ContactSource;

  static from(e: ContactLogEntry): ContactLogEntryObject {
    return Object.assign(new ContactLogEntryObject(), e);
  }
}

@ObjectType()
export class ContactLogEdge {
  @Field(() => ContactLogEntryObject) node: ContactLogEntryObject;
  @Field() cursor: string;
}

@ObjectType('ContactLogConnection')
export class ContactLogConnection {
  @Field(() => [ContactLogEdge]) edges: ContactLogEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}

@ArgsType()
export class ContactLogArgs {
  @Field(() => ID, { nullable: true, description: "A customer's contacts (every department's)." })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  customerId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(64) siteId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(64) caseId?: string;
  @Field(() => Department, { nullable: true, description: "One department's log." })
  @IsOptional()
  @IsEnum(Department)
  department?: Department;
  @Field(() => GraphQLISODateTime, { nullable: true }) @IsOptional() @IsDate() from?: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) @IsOptional() @IsDate() to?: Date;
  @Field(() => Int, { nullable: true, defaultValue: 50, description: `Newest first; at most ${MAX_CONTACT_PAGE}.` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_CONTACT_PAGE)
  first?: number;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) after?: string;
}

@InputType()
export class RecordContactInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) siteId: string;
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) customerId: string;
  @Field(() => ID, { nullable: true, description: 'The complaint, repair, paid service or inquiry it was about.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  caseId?: string;
  @Field(() => Channel, { description: 'Phone, visit (walk-in), WeChat, ...' }) @IsEnum(Channel) channel: Channel;
  @Field({ nullable: true, description: 'What the customer asked or said.' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(5000)
  asked?: string;
  @Field({ description: 'What they were answered or told.' })
  @Transform(trimString)
  @IsString()
  @IsNotEmpty({ message: 'answered must not be empty' })
  @MaxLength(5000)
  answered: string;
  @Field({ nullable: true, description: 'When; never in the future (default now).' }) @IsOptional() @IsDate() at?: Date;
}
