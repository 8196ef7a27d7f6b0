import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { Satisfaction } from '@pc/contracts';
import { CallbackMethod } from '../callback.entity';
import { CallbackModule } from '../callback.module';

@InputType({ registerIn: () => CallbackModule })
export class RecordCallbackInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) callbackId: string;
  @Field(() => CallbackMethod) @IsEnum(CallbackMethod) method: CallbackMethod;
  @Field(() => Satisfaction) @IsEnum(Satisfaction) satisfaction: Satisfaction;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(5000) notes?: string;
}
