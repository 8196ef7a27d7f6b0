import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Department, WorkOrderStatus } from '@pc/contracts';

@ArgsType()
export class WorkOrdersArgs {
  @Field(() => Department, { nullable: true }) @IsOptional() @IsEnum(Department) department?: Department;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @MaxLength(64) siteId?: string;
  @Field(() => WorkOrderStatus, { nullable: true }) @IsOptional() @IsEnum(WorkOrderStatus) status?: WorkOrderStatus;
  @Field({ nullable: true, description: 'Only work orders with an open clock past its due time (true), or only those without (false).' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;
  @Field(() => Int, { nullable: true, defaultValue: 20 }) @IsOptional() @IsInt() @Min(1) @Max(100) first?: number;
  @Field({ nullable: true, description: 'endCursor of the previous page.' }) @IsOptional() @IsString() @MaxLength(200) after?: string;
}
