import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Category, Severity } from '@pc/contracts';
import { PageInfo } from '@pc/subgraph';

@InputType('AddToCaseLibraryInput')
export class AddToCaseLibraryInput {
  @Field(() => ID, { description: 'A resolved complaint of your sites.' }) @IsString() @IsNotEmpty() @MaxLength(64) complaintId: string;
  @Field(() => Severity, { nullable: true, description: "A typical major or minor case; the complaint's own severity when absent." })
  @IsOptional()
  @IsEnum(Severity)
  severity?: Severity;
  @Field() @IsString() @IsNotEmpty() @MaxLength(200) title: string;
  @Field({ description: 'What happened, without the customer’s name or phone.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5_000)
  summary: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(5_000) lessons: string;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(40, { each: true })
  tags?: string[];
}

@ArgsType()
export class CaseLibraryArgs {
  @Field({ nullable: true, description: 'Text in the title, summary, lessons or tags (Chinese too).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
  @Field(() => Category, { nullable: true }) @IsOptional() @IsEnum(Category) category?: Category;
  @Field(() => Severity, { nullable: true }) @IsOptional() @IsEnum(Severity) severity?: Severity;
  @Field(() => [String], { nullable: true, description: 'Every one of these tags.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  tags?: string[];
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(100) first?: number;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) after?: string;
}

@ObjectType('CaseEntry', { description: 'A typical case of the case library (案例库).' })
export class CaseEntryObject {
  @Field(() => ID) id: string;
  @Field(() => ID) complaintId: string;
  @Field(() => ID) siteId: string;
  @Field(() => Severity) severity: string;
  @Field(() => Category) category: string;
  @Field(() => String, { nullable: true }) cause: string | null;
  @Field() title: string;
  @Field() summary: string;
  @Field() lessons: string;
  @Field(() => [String]) tags: string[];
  @Field() createdBy: string;
  @Field() createdAt: string;
}

@ObjectType('CaseEntryEdge')
export class CaseEntryEdge {
  @Field() cursor: string;
  @Field(() => CaseEntryObject) node: CaseEntryObject;
}

@ObjectType('CaseEntryConnection')
export class CaseEntryConnection {
  @Field(() => [CaseEntryEdge]) edges: CaseEntryEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}
