import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Args, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { MikroORM } from '@mikro-orm/core';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
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
import { TransactionalOutbox } from '@pc/messaging';
import { AuthUser, Clock, CurrentUser, Roles, assertRole, invalidInput, scopeOf, trimString } from '@pc/platform';
import { CONTACT_ROLES } from '../contact-log/contact-log.resolver';
import { grantedSite } from '../registry/registry-rules';
import { DATE } from './committee.dto';
import { COMMITTEE_KEEPERS } from './committee.usecase';
import { summarisePlan } from './relationship-rules';
import { RelationshipPlan, type PlanActivity } from './relationship.entities';

@InputType()
export class PlanActivityInput {
  @Field() @Transform(trimString) @IsString() @IsNotEmpty({ message: 'title must not be empty' }) @MaxLength(200) title: string;
  @Field(() => String, { description: 'EVENT (a community event), VISIT or OTHER.' })
  @IsIn(['EVENT', 'VISIT', 'OTHER'], { message: 'kind must be EVENT, VISIT or OTHER' })
  kind: PlanActivity['kind'];
  @Field({ description: 'YYYY-MM-DD.' }) @Matches(DATE, { message: 'plannedOn must be YYYY-MM-DD' }) plannedOn: string;
  @Field(() => Int) @IsInt() @Min(0) @Max(100_000_000) budgetYuan: number;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() done?: boolean;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(100_000_000) spentYuan?: number;
  @Field(() => Int, { nullable: true, description: 'Residents who signed up (an event).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  signedUp?: number;
  @Field(() => Int, { nullable: true, description: 'Residents who came.' }) @IsOptional() @IsInt() @Min(0) attended?: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(2000) note?: string | null;
}

@InputType()
export class SaveRelationshipPlanInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) siteId: string;
  @Field({ description: 'YYYY for the yearly plan, YYYY-MM for a month’s.' })
  @Matches(/^\d{4}(-(0[1-9]|1[0-2]))?$/, { message: 'period must be YYYY or YYYY-MM' })
  period: string;
  @Field(() => [String]) @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(1000, { each: true }) goals: string[];
  @Field(() => Int, { description: 'The money plan (yuan).' }) @IsInt() @Min(0) @Max(1_000_000_000) budgetYuan: number;
  @Field(() => [PlanActivityInput])
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => PlanActivityInput)
  activities: PlanActivityInput[];
}

@ObjectType('PlanActivity')
export class PlanActivityObject {
  @Field() title: string;
  @Field(() => String) kind: string;
  @Field() plannedOn: string;
  @Field(() => Int) budgetYuan: number;
  @Field() done: boolean;
  @Field(() => Int) spentYuan: number;
  @Field(() => Int) signedUp: number;
  @Field(() => Int) attended: number;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@ObjectType('PlanSummary', { description: 'What was done against the plan.' })
export class PlanSummaryObject {
  @Field(() => Int) activitiesPlanned: number;
  @Field(() => Int) activitiesDone: number;
  @Field(() => Int) budgetYuan: number;
  @Field(() => Int) activityBudgetYuan: number;
  @Field(() => Int) spentYuan: number;
  @Field(() => Int) signedUp: number;
  @Field(() => Int) attended: number;
}

@ObjectType('RelationshipPlan', { description: 'A yearly or monthly customer-relationship plan of a site, with its money plan.' })
export class RelationshipPlanObject {
  @Field(() => ID) id: string;
  @Field(() => ID) siteId: string;
  @Field(() => Int) year: number;
  @Field() period: string;
  @Field(() => [String]) goals: string[];
  @Field(() => Int) budgetYuan: number;
  @Field(() => [PlanActivityObject]) activities: PlanActivityObject[];
  @Field(() => PlanSummaryObject) summary: PlanSummaryObject;
  @Field(() => ID) savedBy: string;
  @Field() savedAt: Date;

  static from(p: RelationshipPlan): RelationshipPlanObject {
    return { ...p, activities: p.activities, summary: summarisePlan(p) };
  }
}

/** Relationship plans (客户关系维护计划, domain.md §7): saved whole (again: replaced), read with what was done against them. */
@Injectable()
@Resolver()
export class RelationshipPlans {
  constructor(
    private readonly orm: MikroORM,
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
  ) {}

  @Mutation(() => RelationshipPlanObject, {
    description: "Saves a site's yearly or monthly relationship plan (the whole plan; again replaces it).",
  })
  async saveRelationshipPlan(
    @CurrentUser() user: AuthUser,
    @Args('input') input: SaveRelationshipPlanInput,
  ): Promise<RelationshipPlanObject> {
    const plan = await this.tx.by(user).run(async (em) => {
      assertRole(user, COMMITTEE_KEEPERS);
      const site = await grantedSite(em, user, input.siteId);
      const year = Number(input.period.slice(0, 4));
      input.activities.forEach((a, i) => {
        if (!a.plannedOn.startsWith(input.period)) {
          throw invalidInput(`activities.${i}.plannedOn`, `${a.plannedOn} is not in ${input.period}`);
        }
      });
      const activities: PlanActivity[] = input.activities.map((a) => ({
        title: a.title,
        kind: a.kind,
        plannedOn: a.plannedOn,
        budgetYuan: a.budgetYuan,
        done: a.done ?? false,
        spentYuan: a.spentYuan ?? 0,
        signedUp: a.signedUp ?? 0,
        attended: a.attended ?? 0,
        note: a.note ?? null,
      }));
      const row =
        (await em.findOne(RelationshipPlan, { siteId: site.id, period: input.period })) ??
        em.create(RelationshipPlan, {
          id: randomUUID(),
          orgId: user.org,
          siteId: site.id,
          year,
          period: input.period,
          goals: [],
          activities: [],
          budgetYuan: 0,
          savedBy: user.sub,
          savedAt: this.clock.now(),
        });
      em.assign(row, { goals: input.goals, activities, budgetYuan: input.budgetYuan, savedBy: user.sub, savedAt: this.clock.now() });
      em.persist(row);
      return row;
    });
    return RelationshipPlanObject.from(plan);
  }

  @Query(() => [RelationshipPlanObject], { description: "A site's relationship plans of a year: the yearly one first, then the months." })
  @Roles(...CONTACT_ROLES)
  async relationshipPlans(
    @CurrentUser() user: AuthUser,
    @Args('siteId', { type: () => ID }) siteId: string,
    @Args('year', { type: () => Int }) year: number,
  ): Promise<RelationshipPlanObject[]> {
    const rows = await scopeOf(user).rows(this.orm.em.fork(), RelationshipPlan, { year }, { orderBy: [{ period: 'asc' }] }, siteId);
    return rows.map(RelationshipPlanObject.from);
  }
}
