import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDate, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { trimString } from '@pc/platform';

const text = (field: string, max = 10_000) => [
  Transform(trimString),
  IsString(),
  IsNotEmpty({ message: `${field} must not be empty` }),
  MaxLength(max),
];
const all =
  (...ds: PropertyDecorator[]): PropertyDecorator =>
  (t, k) =>
    ds.forEach((d) => d(t, k));

@InputType({ description: 'An emergency (紧急事件): reported up the chain at once.' })
export class ReportEmergencyInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) siteId: string;
  @Field(() => ID, { nullable: true, description: 'The work order it concerns, if any: escalated to leadership at once.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  workOrderId?: string;
  @Field() @all(...text('description')) description: string;
  @Field({ description: 'When it happened; never in the future.' }) @IsDate() occurredAt: Date;
  @Field({ nullable: true, description: 'What was done to contain the loss.' })
  @IsOptional()
  @all(...text('containment'))
  containment?: string;
}

@InputType({ description: 'The emergency-event record: cause, remedy, prevention.' })
export class RecordEmergencyReviewInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) emergencyId: string;
  @Field() @all(...text('cause')) cause: string;
  @Field() @all(...text('remedy')) remedy: string;
  @Field() @all(...text('prevention')) prevention: string;
}

@ArgsType()
export class EmergenciesArgs {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @MaxLength(64) siteId?: string;
  @Field({ nullable: true, description: 'Only those without their cause/remedy/prevention record (true), or only those with it (false).' })
  @IsOptional()
  @IsBoolean()
  open?: boolean;
}
