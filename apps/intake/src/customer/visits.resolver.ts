import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { MikroORM, type FilterQuery } from '@mikro-orm/core';
import { AuthUser, CurrentUser, Roles, scopeOf } from '@pc/platform';
import { decodeCursor, encodeCursor } from '@pc/subgraph';
import { CONTACT_ROLES } from '../contact-log/contact-log.resolver';
import { Visit } from './customer.entities';
import { PlanVisitsInput, RecordVisitInput, VisitConnection, VisitObject, VisitsArgs } from './visits.dto';
import { Visits } from './visits.usecase';

/** Visits (走访/回访, domain.md §7): planned per month, recorded with the customer's view. */
@Resolver(() => VisitObject)
export class VisitsResolver {
  constructor(
    private readonly orm: MikroORM,
    private readonly visitsUseCase: Visits,
  ) {}

  @Mutation(() => [VisitObject], {
    description:
      "Plans a month's visits of a site (key customers, after large repairs, random phone visits); again adds only what is missing.",
  })
  async planVisits(@CurrentUser() user: AuthUser, @Args('input') input: PlanVisitsInput): Promise<VisitObject[]> {
    return (await this.visitsUseCase.plan(user, input)).map(VisitObject.from);
  }

  @Mutation(() => VisitObject, {
    description: "Records a visit once, with the customer's view; what they raised becomes a complaint, suggestion or request.",
  })
  async recordVisit(@CurrentUser() user: AuthUser, @Args('input') input: RecordVisitInput): Promise<VisitObject> {
    return VisitObject.from(await this.visitsUseCase.record(user, input));
  }

  @Query(() => VisitConnection, { description: "A site's visits (of a month), by customer." })
  @Roles(...CONTACT_ROLES)
  async visits(@CurrentUser() user: AuthUser, @Args() args: VisitsArgs): Promise<VisitConnection> {
    const first = args.first ?? 50;
    const where: FilterQuery<Visit> = {};
    if (args.month) where.month = args.month;
    if (args.after) where.id = { $gt: decodeCursor(args.after, 1)[0] };
    const rows = await scopeOf(user).rows(this.orm.em.fork(), Visit, where, { orderBy: [{ id: 'asc' }], limit: first + 1 }, args.siteId);
    const edges = rows.slice(0, first).map((v) => ({ cursor: encodeCursor(v.id), node: VisitObject.from(v) }));
    return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}
