import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDate,
  IsEnum,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Category, Satisfaction } from '@pc/contracts';
import { trimString } from '@pc/platform';
import { PageInfo } from '@pc/subgraph';
import { type Visit, VisitKind, VisitStatus } from './customer.entities';
import type { RaisedKind } from './raised-items';

registerEnumType(VisitKind, { name: 'VisitKind' });
registerEnumType(VisitStatus, { name: 'VisitStatus' });

@ObjectType('VisitRaised', { description: 'What the customer raised at the visit, and the case it became.' })
export class VisitRaisedObject {
  @Field({ description: 'COMPLAINT, SUGGESTION or REQUEST.' }) kind: string;
  @Field(() => ID, { description: 'The complaint, or the inquiry desk record of a suggestion or request.' }) id: string;
}

@ObjectType('Visit', { description: 'A visit (走访/回访): planned for a month, recorded with the customer’s view.' })
export class VisitObject {
  @Field(() => ID) id: string;
  @Field(() => ID) siteId: string;
  @Field(() => ID) customerId: string;
  @Field() month: string;
  @Field(() => VisitKind) kind: VisitKind;
  @Field(() => ID, { nullable: true }) serviceRequestId?: string | null;
  @Field(() => VisitStatus) status: VisitStatus;
  @Field(() => GraphQLISODateTime, { nullable: true }) visitedAt?: Date | null;
  @Field(() => ID, { nullable: true }) visitedBy?: string | null;
  @Field(() => String, { nullable: true }) view?: string | null;
  @Field(() => Satisfaction, { nullable: true }) satisfaction?: Satisfaction | null;
  @Field(() => [VisitRaisedObject]) raised: VisitRaisedObject[];

  static from(v: Visit): VisitObject {
    return {
      id: v.id,
      siteId: v.siteId,
      customerId: v.customerId,
      month: v.month,
      kind: v.kind,
      serviceRequestId: v.serviceRequestId ?? null,
      status: v.status,
      visitedAt: v.visitedAt ?? null,
      visitedBy: v.visitedBy ?? null,
      view: v.view ?? null,
      satisfaction: (v.satisfaction as Satisfaction | null) ?? null,
      raised: v.raised,
    };
  }
}

@ObjectType('VisitEdge')
export class VisitEdge {
  @Field() cursor: string;
  @Field(() => VisitObject) node: VisitObject;
}

@ObjectType('VisitConnection')
export class VisitConnection {
  @Field(() => [VisitEdge]) edges: VisitEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}

@InputType()
export class PlanVisitsInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) siteId: string;
  @Field({ description: 'YYYY-MM: this month or a later one.' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' })
  month: string;
  @Field(() => Int, { nullable: true, description: 'Random phone return visits of the month (default 10).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(500)
  randomCount?: number;
}

@InputType()
export class RaisedItemInput {
  @Field(() => String, { description: 'COMPLAINT, SUGGESTION or REQUEST.' })
  @IsIn(['COMPLAINT', 'SUGGESTION', 'REQUEST'], { message: 'kind must be COMPLAINT, SUGGESTION or REQUEST' })
  kind: RaisedKind;
  @Field(() => Category, { nullable: true, description: 'Required for a complaint.' }) @IsOptional() @IsEnum(Category) category?: Category;
  @Field()
  @Transform(trimString)
  @IsString()
  @IsNotEmpty({ message: 'description must not be empty' })
  @MaxLength(5000)
  description: string;
}

@InputType()
export class RecordVisitInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) visitId: string;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it took place (now when absent); never in the future.' })
  @IsOptional()
  @IsDate()
  visitedAt?: Date;
  @Field({ description: "The customer's view." })
  @Transform(trimString)
  @IsString()
  @IsNotEmpty({ message: 'view must not be empty' })
  @MaxLength(5000)
  view: string;
  @Field(() => Satisfaction, { nullable: true }) @IsOptional() @IsEnum(Satisfaction) satisfaction?: Satisfaction;
  @Field(() => [RaisedItemInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RaisedItemInput)
  raised?: RaisedItemInput[];
}

@ArgsType()
export class VisitsArgs {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) siteId: string;
  @Field({ nullable: true, description: 'YYYY-MM.' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' })
  month?: string;
  @Field(() => Int, { nullable: true, defaultValue: 50 }) @IsOptional() @IsInt() @Min(1) @Max(200) first?: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) after?: string;
}
