import { Field, ID, InputType } from '@nestjs/graphql';
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
import { ATTACHMENT_KEY, ContactMethod } from '@pc/contracts';
import { trimString } from '@pc/platform';

export const text = (what: string) => [
  Transform(trimString),
  IsString(),
  IsNotEmpty({ message: `${what} must not be empty` }),
  MaxLength(10_000),
];
export const apply =
  (...ds: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    ds.forEach((d) => d(target, key));

@InputType({ description: 'When and how the customer was told.' })
export class CustomerContactInput {
  @Field({ description: 'When the customer was told; never in the future.' }) @IsDate() at: Date;
  @Field(() => ContactMethod) @IsEnum(ContactMethod) via: ContactMethod;
}

@InputType()
export class RecordHandlingPlanInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) workOrderId: string;
  @Field({ description: 'The analysis and handling plan (处理方法).' }) @apply(...text('plan')) plan: string;
}

@InputType()
export class AssignHandlerInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) workOrderId: string;
  @Field(() => ID, { description: 'The named handler (a staff user id).' })
  @Transform(trimString)
  @IsString()
  @IsNotEmpty({ message: 'handlerId must name a handler' })
  @MaxLength(64)
  handlerId: string;
}

@InputType()
export class RecordProgressInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) workOrderId: string;
  @Field() @apply(...text('note')) note: string;
  @Field(() => CustomerContactInput, { nullable: true, description: 'Set when the customer was informed with this note.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CustomerContactInput)
  customerInformed?: CustomerContactInput;
  @Field(() => [String], {
    nullable: true,
    description: "Keys of photos of this step, uploaded with POST /attachments?siteId= for the work order's site; at most 20.",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20, { message: 'attachments must hold at most 20 keys' })
  @IsString({ each: true })
  @Matches(ATTACHMENT_KEY, { each: true, message: 'each attachment must be a key answered by POST /attachments, not a URL' })
  attachments?: string[];
}

@InputType()
export class ReportToHeadInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) workOrderId: string;
  @Field(() => ID, { description: 'The asset-management head reported to.' })
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  reportedTo: string;
  @Field({ nullable: true, description: 'When it was reported, if not now; never in the future.' }) @IsOptional() @IsDate() at?: Date;
}

@InputType()
export class AgreeSolutionInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) workOrderId: string;
  @Field({ description: 'The solution the customer accepted (闭合).' }) @apply(...text('solution')) solution: string;
  @Field(() => CustomerContactInput, { description: 'When and how the customer agreed.' })
  @ValidateNested()
  @Type(() => CustomerContactInput)
  agreed: CustomerContactInput;
}

@InputType({
  description: "The customer's own confirmation of the resolution; never signed on their behalf (不得仿签).",
})
export class ConfirmResolutionInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) workOrderId: string;
  @Field(() => ID, { description: 'The customer who confirms: must be the customer who complained.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  customerId: string;
  @Field({ description: "Reference to the customer's signature (scanned form, e-signature)." })
  @Transform(trimString)
  @IsString()
  @IsNotEmpty({ message: "signature must reference the customer's own signature" })
  @MaxLength(500)
  signature: string;
  @Field({ nullable: true, description: 'When the customer signed, if not now; never in the future.' }) @IsOptional() @IsDate() at?: Date;
}
