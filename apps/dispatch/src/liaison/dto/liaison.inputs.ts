import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDate, IsEnum, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { Department } from '@pc/contracts';
import { trimString } from '@pc/platform';

@InputType({ description: 'A work-liaison letter (工作联系函) to another department, with its deadline.' })
export class SendLiaisonLetterInput {
  @Field(() => ID, { description: "The sender's work order." }) @IsString() @IsNotEmpty() @MaxLength(64) workOrderId: string;
  @Field(() => Department) @IsEnum(Department) toDepartment: Department;
  @Field() @Transform(trimString) @IsString() @IsNotEmpty({ message: 'body must not be empty' }) @MaxLength(10_000) body: string;
  @Field({ description: 'When the receiving department must answer; in the future.' }) @IsDate() dueAt: Date;
}

@InputType()
export class AnswerLiaisonLetterInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) letterId: string;
  @Field() @Transform(trimString) @IsString() @IsNotEmpty({ message: 'answer must not be empty' }) @MaxLength(10_000) answer: string;
}

@ArgsType()
export class LiaisonLettersArgs {
  @Field(() => Department, { nullable: true, description: 'Letters to this department.' })
  @IsOptional()
  @IsEnum(Department)
  toDepartment?: Department;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @MaxLength(64) siteId?: string;
  @Field({ nullable: true, description: 'Only unanswered letters (true) or only answered ones (false).' })
  @IsOptional()
  @IsBoolean()
  open?: boolean;
}
