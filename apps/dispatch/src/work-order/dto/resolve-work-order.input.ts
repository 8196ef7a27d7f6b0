import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { IsEnum, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { CauseCategory } from '@pc/contracts';
import { trimString } from '@pc/platform';
import { CustomerContactInput } from './lifecycle.inputs';

@InputType()
export class ResolveWorkOrderInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) workOrderId: string;

  @Field({ description: 'What was done for the customer.' })
  @Transform(trimString)
  @IsString()
  @IsNotEmpty({ message: 'resolution must not be empty' })
  @MaxLength(5000)
  resolution: string;

  @Field({ description: 'Cause analysis (domain.md §3).' })
  @Transform(trimString)
  @IsString()
  @IsNotEmpty({ message: 'causeAnalysis must not be empty' })
  @MaxLength(5000)
  causeAnalysis: string;

  @Field(() => CauseCategory, { description: 'The countable cause, next to the free-text analysis (top causes of the monthly report).' })
  @IsEnum(CauseCategory, { message: `cause must be one of ${Object.values(CauseCategory).join(', ')}` })
  cause: CauseCategory;

  @Field({ description: 'Preventive action (domain.md §3).' })
  @Transform(trimString)
  @IsString()
  @IsNotEmpty({ message: 'preventiveAction must not be empty' })
  @MaxLength(5000)
  preventiveAction: string;

  @Field({ nullable: true, description: 'Corrective-action report; required for a major complaint (domain.md §3).' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(20_000)
  correctiveActionReport?: string;

  @Field(() => CustomerContactInput, {
    nullable: true,
    description:
      'When and how the customer was told the result. Needed unless an earlier contact already met REPLY (and FEEDBACK): those clocks are met only by a contact with the customer.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => CustomerContactInput)
  customerInformed?: CustomerContactInput;
}
