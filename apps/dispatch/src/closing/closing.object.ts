import { Field, GraphQLISODateTime, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEnum, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { VerificationResult } from '@pc/contracts';
import { trimString } from '@pc/platform';
import { apply, text } from '../work-order/dto/lifecycle.inputs';
import type { ComplaintClosure } from './closing.entity';

@ObjectType('ComplaintClosure', {
  description: "A valid complaint's closing: the site head's opinion, the handover to quality, the verification.",
})
export class ComplaintClosureObject {
  @Field(() => ID) complaintId: string;
  @Field() opinion: string;
  @Field(() => ID) closedBy: string;
  @Field() closedAt: Date;
  @Field({ description: 'The records are due at the quality department (QUALITY_HANDOVER, 3 days).' }) handoverDueAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) handedOverAt?: Date | null;
  @Field(() => ID, { nullable: true }) handedOverBy?: string | null;
  @Field(() => VerificationResult, { nullable: true }) result?: VerificationResult | null;
  @Field(() => String, { nullable: true }) findings?: string | null;
  @Field(() => ID, { nullable: true }) verifiedBy?: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) verifiedAt?: Date | null;

  static from(c: ComplaintClosure): ComplaintClosureObject {
    return Object.assign(new ComplaintClosureObject(), c);
  }
}

@InputType()
export class CloseComplaintInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) complaintId: string;
  @Field({ description: "The site head's opinion on the disposal form." }) @apply(...text('opinion')) opinion: string;
}

@InputType()
export class VerifyHandlingInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) complaintId: string;
  @Field(() => VerificationResult)
  @IsEnum(VerificationResult, { message: `result must be one of ${Object.values(VerificationResult).join(', ')}` })
  result: VerificationResult;
  @Field({ nullable: true, description: 'Where the handling falls short (required for FALLS_SHORT).' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(5000)
  findings?: string;
}

@InputType()
export class ApproveLetterReplyInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) workOrderId: string;
  @Field({ description: 'The reply (or reply letter) leadership approves.' }) @apply(...text('reply')) reply: string;
}
