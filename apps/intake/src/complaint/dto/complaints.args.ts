import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ComplaintStatus } from '@pc/contracts';

export const MAX_COMPLAINTS_PAGE = 200;

@ArgsType()
export class ComplaintsArgs {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(64) siteId?: string;
  @Field(() => ID, { nullable: true, description: "A customer's complaint history." })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  customerId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(64) unitId?: string;
  @Field(() => ComplaintStatus, { nullable: true }) @IsOptional() @IsEnum(ComplaintStatus) status?: ComplaintStatus;
  @Field(() => Int, { nullable: true, defaultValue: 50, description: `Newest first; at most ${MAX_COMPLAINTS_PAGE}.` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_COMPLAINTS_PAGE)
  first?: number;
}
