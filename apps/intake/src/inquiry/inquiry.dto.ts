import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsDate, IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Channel, Department } from '@pc/contracts';
import { trimString } from '@pc/platform';
import { PageInfo } from '@pc/subgraph';
import { InquiryKind, InquiryStatus, type Inquiry } from './inquiry.entity';

registerEnumType(InquiryKind, { name: 'InquiryKind', description: 'A question, or a suggestion (the suggestion box among others).' });
registerEnumType(InquiryStatus, { name: 'InquiryStatus' });

@ObjectType('Inquiry', { description: 'An inquiry or suggestion, and its answer.' })
export class InquiryObject {
  @Field(() => ID) id: string;
  @Field(() => ID) siteId: string;
  @Field(() => ID, { nullable: true }) customerId?: string | null;
  @Field(() => InquiryKind) kind: InquiryKind;
  @Field(() => Channel) channel: Channel;
  @Field() question: string;
  @Field() receivedAt: Date;
  @Field(() => ID) receivedBy: string;
  @Field(() => InquiryStatus) status: InquiryStatus;
  @Field(() => Department, { nullable: true }) routedTo?: Department | null;
  @Field(() => String, { nullable: true }) answer?: string | null;
  @Field(() => ID, { nullable: true }) answeredBy?: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) answeredAt?: Date | null;
  @Field(() => Channel, { nullable: true }) answeredVia?: Channel | null;

  static from(i: Inquiry): InquiryObject {
    return Object.assign(new InquiryObject(), i);
  }
}

@ObjectType()
export class InquiryEdge {
  @Field(() => InquiryObject) node: InquiryObject;
  @Field() cursor: string;
}

@ObjectType('InquiryConnection')
export class InquiryConnection {
  @Field(() => [InquiryEdge]) edges: InquiryEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}

@InputType()
export class RecordInquiryInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) siteId: string;
  @Field(() => ID, { nullable: true, description: 'None only for an unsigned note from the suggestion box.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  customerId?: string;
  @Field(() => InquiryKind) @IsEnum(InquiryKind) kind: InquiryKind;
  @Field(() => Channel) @IsEnum(Channel) channel: Channel;
  @Field() @Transform(trimString) @IsString() @IsNotEmpty({ message: 'question must not be empty' }) @MaxLength(5000) question: string;
  @Field({ nullable: true, description: 'Answered on the spot.' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @IsNotEmpty({ message: 'answer must not be empty' })
  @MaxLength(5000)
  answer?: string;
  @Field(() => Department, { nullable: true, description: 'Passed to the department that knows.' })
  @IsOptional()
  @IsEnum(Department)
  routeTo?: Department;
  @Field({ nullable: true, description: 'When it was received, for a record entered later; never in the future.' })
  @IsOptional()
  @IsDate()
  receivedAt?: Date;
}

@InputType()
export class AnswerInquiryInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) inquiryId: string;
  @Field() @Transform(trimString) @IsString() @IsNotEmpty({ message: 'answer must not be empty' }) @MaxLength(5000) answer: string;
  @Field(() => Channel, { description: 'How the answer reached the customer.' }) @IsEnum(Channel) via: Channel;
  @Field({ nullable: true }) @IsOptional() @IsDate() at?: Date;
}

@ArgsType()
export class InquiriesArgs {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(64) siteId?: string;
  @Field(() => InquiryStatus, { nullable: true }) @IsOptional() @IsEnum(InquiryStatus) status?: InquiryStatus;
  @Field(() => InquiryKind, { nullable: true }) @IsOptional() @IsEnum(InquiryKind) kind?: InquiryKind;
  @Field(() => Department, { nullable: true, description: 'Inquiries passed to this department.' })
  @IsOptional()
  @IsEnum(Department)
  routedTo?: Department;
  @Field(() => Int, { nullable: true, defaultValue: 50, description: 'Oldest first; at most 200.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(200)
  first?: number;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) after?: string;
}
