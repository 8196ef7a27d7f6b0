import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsDate, IsEnum, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { Satisfaction } from '@pc/contracts';
import { trimString } from '@pc/platform';
import { CallbackMethod, PriceCheck } from '../callback.entity';

@InputType({ description: 'The result of a callback that reached the customer (domain.md §4).' })
export class RecordCallbackInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) callbackId: string;
  @Field(() => CallbackMethod) @IsEnum(CallbackMethod) method: CallbackMethod;
  @Field({ description: 'Who was reached: the customer, or who answered for the household.' })
  @Transform(trimString)
  @IsString()
  @IsNotEmpty({ message: 'reached must say who was reached' })
  @MaxLength(200)
  reached: string;
  @Field(() => Satisfaction, { description: 'Service quality, on the four levels.' }) @IsEnum(Satisfaction) serviceQuality: Satisfaction;
  @Field(() => Satisfaction, { description: 'Staff attitude, on the four levels.' }) @IsEnum(Satisfaction) attitude: Satisfaction;
  @Field(() => PriceCheck, { nullable: true, description: 'Required for a paid service.' })
  @IsOptional()
  @IsEnum(PriceCheck)
  priceCheck?: PriceCheck;
  @Field(() => Satisfaction, { description: 'Overall satisfaction.' }) @IsEnum(Satisfaction) satisfaction: Satisfaction;
  @Field({ nullable: true, description: 'What fell short; required when dissatisfied.' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(5000)
  shortcomings?: string;
  @Field({ nullable: true }) @IsOptional() @Transform(trimString) @IsString() @MaxLength(5000) suggestions?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(5000) notes?: string;
}

@InputType({ description: 'An attempt that did not reach the customer, and when to try again.' })
export class RecordCallbackAttemptInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) callbackId: string;
  @Field(() => CallbackMethod) @IsEnum(CallbackMethod) method: CallbackMethod;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(5000) note?: string;
  @Field({ nullable: true, description: 'When to try again; required unless this was the last attempt.' })
  @IsOptional()
  @IsDate()
  retryAt?: Date;
}
