import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { CallbackKind } from '@pc/contracts';

@ArgsType()
export class WorklistArgs {
  @Field(() => ID, { nullable: true, description: "Whose worklist; the caller's own by default." })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  assignee?: string;
  @Field(() => ID, { nullable: true, description: "An area's worklist (area managers and site managers)." })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  areaId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @MaxLength(64) siteId?: string;
  @Field(() => CallbackKind, { nullable: true }) @IsOptional() @IsEnum(CallbackKind) kind?: CallbackKind;
  @Field({ nullable: true, description: 'Include done and unreachable callbacks (default: only open ones).' })
  @IsOptional()
  @IsBoolean()
  includeDone?: boolean;
}

@ArgsType()
export class CoverageArgs {
  @Field({ description: 'YYYY-MM: the month the cases were resolved in.' }) @IsString() @MaxLength(7) month: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @MaxLength(64) siteId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @MaxLength(64) areaId?: string;
  @Field(() => CallbackKind, { nullable: true }) @IsOptional() @IsEnum(CallbackKind) kind?: CallbackKind;
}
