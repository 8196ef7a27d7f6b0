import { Injectable } from '@nestjs/common';
import { ArgsType, Args, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { MikroORM } from '@mikro-orm/core';
import { IsEnum, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Category, CauseCategory, Department, Role } from '@pc/contracts';
import { AuthUser, Clock, CurrentUser, Roles, forbidden, hasAnyRole, invalidInput, scopeOf } from '@pc/platform';
import { knexOf } from '../projection/projection.consumer';
import { MONTH, MONTH_MESSAGE } from '../report/dto/report.args';
import { REPORT_READERS } from '../report/report.resolver';
import { ProductSuggestion } from './product-suggestion.entity';

/** The complaint categories that are about the product (the building, its fit-out, its equipment). */
export const PRODUCT_CATEGORIES = [Category.BUILDING, Category.FIT_OUT, Category.EQUIPMENT];
/** Complaints whose cause is not recorded yet are grouped under this key. */
export const UNCLASSIFIED = 'UNCLASSIFIED';

@ArgsType()
export class ProductSuggestionsArgs {
  @Field({ description: 'YYYY-MM' }) @Matches(MONTH, { message: MONTH_MESSAGE }) month: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @MaxLength(64) siteId?: string;
}

@InputType('EditProductSuggestionInput')
export class EditProductSuggestionInput {
  @Field({ description: 'YYYY-MM' }) @Matches(MONTH, { message: MONTH_MESSAGE }) month: string;
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) siteId: string;
  @Field(() => Category) @IsEnum(Category) category: Category;
  @Field({ description: `A CauseCategory, or ${UNCLASSIFIED}.` }) @IsString() @MaxLength(32) cause: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(5_000) suggestion: string;
}

@ObjectType('ProductSuggestion', {
  description: 'One group of product-quality complaints of the month (产品建议表) and engineering’s suggestion.',
})
export class ProductSuggestionObject {
  @Field() month: string;
  @Field(() => ID) siteId: string;
  @Field(() => Category) category: string;
  @Field() cause: string;
  @Field(() => Int) complaints: number;
  @Field(() => Int) major: number;
  @Field(() => String, { nullable: true }) suggestion: string | null;
  @Field(() => String, { nullable: true }) editedBy: string | null;
  @Field(() => String, { nullable: true }) editedAt: string | null;
}

/**
 * The monthly product-suggestion feed: the month's valid building, fit-out and equipment complaints
 * grouped by site, category and cause (counted in the database), beside the suggestion engineering
 * wrote for each group for the developer / construction side.
 */
@Injectable()
export class ProductSuggestions {
  constructor(
    private readonly orm: MikroORM,
    private readonly clock: Clock,
  ) {}

  async feed(user: AuthUser, month: string, siteId?: string): Promise<ProductSuggestionObject[]> {
    const db = knexOf(this.orm);
    const sites = scopeOf(user).siteIds(siteId);
    const q = db('complaint_fact')
      .select('site_id', 'category', db.raw(`coalesce(cause, '${UNCLASSIFIED}') as cause`))
      .count({ complaints: '*' })
      .select(db.raw(`sum(case when severity = 'MAJOR' then 1 else 0 end) as major`))
      .where({ org_id: user.org, month, valid: true })
      .whereIn('category', PRODUCT_CATEGORIES)
      .groupBy('site_id', 'category', db.raw(`coalesce(cause, '${UNCLASSIFIED}')`));
    if (sites) q.whereIn('site_id', [...sites]);
    const groups = (await q) as Record<string, string | number>[];
    const edits = await this.orm.em.fork().find(ProductSuggestion, scopeOf(user).where<ProductSuggestion>({ month }, siteId));
    const edit = (g: Record<string, string | number>) =>
      edits.find((e) => e.siteId === g.site_id && e.category === g.category && e.cause === g.cause);
    return groups
      .map((g) => ({
        month,
        siteId: String(g.site_id),
        category: String(g.category),
        cause: String(g.cause),
        complaints: Number(g.complaints),
        major: Number(g.major),
        suggestion: edit(g)?.suggestion ?? null,
        editedBy: edit(g)?.editedBy ?? null,
        editedAt: edit(g)?.editedAt ?? null,
      }))
      .sort(
        (a, b) =>
          b.complaints - a.complaints ||
          a.siteId.localeCompare(b.siteId) ||
          a.category.localeCompare(b.category) ||
          a.cause.localeCompare(b.cause),
      );
  }

  async edit(user: AuthUser, input: EditProductSuggestionInput): Promise<ProductSuggestionObject> {
    if (!hasAnyRole(user, [Role.QUALITY]) && user.department !== Department.ENGINEERING) {
      throw forbidden('only engineering or the quality department edits product suggestions');
    }
    if (!PRODUCT_CATEGORIES.includes(input.category)) throw invalidInput('category', `must be one of ${PRODUCT_CATEGORIES.join(', ')}`);
    if (input.cause !== UNCLASSIFIED && !(Object.values(CauseCategory) as string[]).includes(input.cause)) {
      throw invalidInput('cause', `must be a cause category or ${UNCLASSIFIED}`);
    }
    scopeOf(user).assertSite(input.siteId);
    const group = (await this.feed(user, input.month, input.siteId)).find(
      (g) => g.category === (input.category as string) && g.cause === input.cause,
    );
    if (!group) throw invalidInput('cause', `no ${input.category} complaints with cause ${input.cause} at this site in ${input.month}`);
    const em = this.orm.em.fork();
    await em.upsert(ProductSuggestion, {
      orgId: user.org,
      month: input.month,
      siteId: input.siteId,
      category: input.category,
      cause: input.cause,
      suggestion: input.suggestion.trim(),
      editedBy: user.sub,
      editedAt: this.clock.now().toISOString(),
    });
    return (await this.feed(user, input.month, input.siteId)).find(
      (g) => g.category === (input.category as string) && g.cause === input.cause,
    )!;
  }
}

@Resolver()
export class ProductSuggestionsResolver {
  constructor(private readonly suggestions: ProductSuggestions) {}

  @Query(() => [ProductSuggestionObject], {
    description: "The month's product-quality complaints by site, category and cause, with engineering's suggestions.",
  })
  @Roles(...REPORT_READERS, Role.DEPARTMENT_HEAD, Role.DEPARTMENT_STAFF)
  productSuggestions(@CurrentUser() user: AuthUser, @Args() args: ProductSuggestionsArgs): Promise<ProductSuggestionObject[]> {
    return this.suggestions.feed(user, args.month, args.siteId);
  }

  @Mutation(() => ProductSuggestionObject, { description: 'Engineering writes (or rewrites) the suggestion for one group.' })
  @Roles(Role.DEPARTMENT_HEAD, Role.DEPARTMENT_STAFF, Role.QUALITY)
  editProductSuggestion(@CurrentUser() user: AuthUser, @Args('input') input: EditProductSuggestionInput): Promise<ProductSuggestionObject> {
    return this.suggestions.edit(user, input);
  }
}
