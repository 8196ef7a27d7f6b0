import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { IsDate, IsEnum, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { EscalationLevel, SlaClock } from '@pc/contracts';
import { trimString } from '@pc/platform';
import { CustomerContactInput } from './lifecycle.inputs';

@InputType({ description: 'Passes a case up with its full history; the clocks keep running.' })
export class EscalateWorkOrderInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) workOrderId: string;
  @Field() @Transform(trimString) @IsString() @IsNotEmpty({ message: 'reason must not be empty' }) @MaxLength(5000) reason: string;
  @Field(() => EscalationLevel, { nullable: true, description: 'The receiving level; the next one up when absent.' })
  @IsOptional()
  @IsEnum(EscalationLevel)
  to?: EscalationLevel;
}

@InputType({ description: 'Extends an open deadline: only with a reason, after the customer was told.' })
export class ExtendDeadlineInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) workOrderId: string;
  @Field(() => SlaClock) @IsEnum(SlaClock) clock: SlaClock;
  @Field() @IsDate() newDueAt: Date;
  @Field() @Transform(trimString) @IsString() @IsNotEmpty({ message: 'reason must not be empty' }) @MaxLength(5000) reason: string;
  @Field(() => CustomerContactInput, { description: 'When and how the customer was told of the extension (主动告知对方).' })
  @ValidateNested()
  @Type(() => CustomerContactInput)
  customerTold: CustomerContactInput;
}
