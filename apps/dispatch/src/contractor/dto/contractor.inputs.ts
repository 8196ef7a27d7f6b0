import { ArgsType, Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDate, IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength } from 'class-validator';
import { trimString } from '@pc/platform';
import { ContractorResponse } from '../rectification.entity';

export { ContractorResponse };

registerEnumType(ContractorResponse, {
  name: 'ContractorResponse',
  description: 'REFUSED, SUBSTANDARD and NOT_RETURNED fine the contractor.',
});

@InputType()
export class IssueNoticeInput {
  @Field(() => ID, { description: 'An engineering work order.' }) @IsString() @IsNotEmpty() @MaxLength(64) workOrderId: string;
  @Field() @Transform(trimString) @IsString() @IsNotEmpty({ message: 'contractor must be named' }) @MaxLength(200) contractor: string;
  @Field() @Transform(trimString) @IsString() @IsNotEmpty({ message: 'defect must not be empty' }) @MaxLength(10_000) defect: string;
  @Field({ description: 'The rectification deadline; in the future.' }) @IsDate() rectifyBy: Date;
}

@InputType()
export class RecordContractorResponseInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) noticeId: string;
  @Field(() => ContractorResponse) @IsEnum(ContractorResponse) response: ContractorResponse;
  @Field({ nullable: true, description: 'When it happened, if not now; never in the future.' }) @IsOptional() @IsDate() at?: Date;
}

@InputType()
export class SetPenaltyAmountInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) penaltyId: string;
  @Field(() => Int, { description: 'Whole yuan, at least 5000.' }) @IsInt() @Max(100_000_000) amountYuan: number;
}

@ArgsType()
export class PenaltiesArgs {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @MaxLength(64) siteId?: string;
  @Field({ nullable: true, description: 'Only settled (true) or only unsettled (false) fines.' })
  @IsOptional()
  @IsBoolean()
  settled?: boolean;
}
