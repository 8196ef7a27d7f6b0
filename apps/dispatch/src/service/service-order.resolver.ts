import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { MikroORM, type FilterQuery } from '@mikro-orm/core';
import { Role } from '@pc/contracts';
import { AuthUser, CurrentUser, Roles, forbidden, hasAnyRole, scopeOf } from '@pc/platform';
import { decodeCursor, encodeCursor } from '@pc/subgraph';
import { HANDLERS } from '../work-order/handling.resolver';
import { ServiceNote, ServiceOrder } from './service-order.entity';
import {
  CompleteServiceInput,
  RecordServiceProgressInput,
  RespondToServiceInput,
  ServiceOrderConnection,
  ServiceOrderObject,
  ServiceOrdersArgs,
} from './service-order.object';
import { ServiceWork } from './service-order.usecases';

const READERS = [...HANDLERS, Role.FRONT_DESK, Role.COMPLAINT_REP, Role.QUALITY, Role.LEADERSHIP] as const;

@Resolver(() => ServiceOrderObject)
export class ServiceOrderResolver {
  constructor(
    private readonly orm: MikroORM,
    private readonly work: ServiceWork,
  ) {}

  @Query(() => ServiceOrderConnection, { description: "Repair work sheets of the caller's sites, oldest request first." })
  @Roles(...READERS)
  async serviceOrders(@CurrentUser() user: AuthUser, @Args() args: ServiceOrdersArgs): Promise<ServiceOrderConnection> {
    const where: FilterQuery<ServiceOrder>[] = [];
    const department = args.department ?? (hasAnyRole(user, [Role.DEPARTMENT_STAFF, Role.DEPARTMENT_HEAD]) ? user.department : undefined);
    if (department) {
      if (
        hasAnyRole(user, [Role.DEPARTMENT_STAFF, Role.DEPARTMENT_HEAD]) &&
        !hasAnyRole(user, [Role.SITE_HEAD, Role.AREA_MANAGER]) &&
        user.department !== department
      ) {
        throw forbidden(`only ${department} staff see its work sheets`);
      }
      where.push({ department });
    }
    if (args.status) where.push({ status: args.status });
    if (args.after) {
      const [at, id] = decodeCursor(args.after, 2);
      const t = new Date(at);
      where.push({ $or: [{ receivedAt: { $gt: t } }, { receivedAt: t, id: { $gt: id } }] });
    }
    const first = args.first ?? 20;
    const em = this.orm.em.fork();
    const rows = await scopeOf(user).find(
      em,
      ServiceOrder,
      { $and: where },
      { orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }], limit: first + 1 },
      args.siteId,
    );
    const page = rows.slice(0, first);
    const notes = page.length
      ? await em.find(ServiceNote, { serviceOrderId: { $in: page.map((o) => o.id) } }, { orderBy: { at: 'asc', id: 'asc' } })
      : [];
    const last = page.at(-1);
    return {
      edges: page.map((o) => ({
        node: ServiceOrderObject.from(
          o,
          notes.filter((n) => n.serviceOrderId === o.id),
        ),
        cursor: encodeCursor(o.receivedAt.toISOString(), o.id),
      })),
      pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeCursor(last.receivedAt.toISOString(), last.id) : null },
    };
  }

  @Query(() => ServiceOrderObject, { nullable: true, description: 'One repair work sheet, by its id or by the request it serves.' })
  @Roles(...READERS)
  async serviceOrder(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID, nullable: true }) id?: string,
    @Args('serviceId', { type: () => ID, nullable: true }) serviceId?: string,
  ): Promise<ServiceOrderObject | null> {
    if (!id && !serviceId) return null;
    const em = this.orm.em.fork();
    const o = await scopeOf(user).findOne(em, ServiceOrder, id ? { id } : { serviceId });
    return o ? this.view(em, o) : null;
  }

  @Mutation(() => ServiceOrderObject, {
    description: 'The response: the handler named and the customer told when to expect the work (meets RESPONSE).',
  })
  @Roles(...HANDLERS)
  async respondToService(@CurrentUser() actor: AuthUser, @Args('input') input: RespondToServiceInput): Promise<ServiceOrderObject> {
    return this.view(this.orm.em.fork(), await this.work.respond({ actor, ...input }));
  }

  @Mutation(() => ServiceOrderObject, {
    description: 'Progress on a repair, the customer informed; a new expected time only once they are told.',
  })
  @Roles(...HANDLERS)
  async recordServiceProgress(
    @CurrentUser() actor: AuthUser,
    @Args('input') input: RecordServiceProgressInput,
  ): Promise<ServiceOrderObject> {
    return this.view(this.orm.em.fork(), await this.work.progress({ actor, ...input }));
  }

  @Mutation(() => ServiceOrderObject, {
    description: "The result, with the customer's signature (and the charge of a paid service): customer service calls back.",
  })
  @Roles(...HANDLERS)
  async completeService(@CurrentUser() actor: AuthUser, @Args('input') input: CompleteServiceInput): Promise<ServiceOrderObject> {
    return this.view(this.orm.em.fork(), await this.work.complete({ actor, ...input }));
  }

  private async view(em: ReturnType<MikroORM['em']['fork']>, o: ServiceOrder): Promise<ServiceOrderObject> {
    return ServiceOrderObject.from(o, await em.find(ServiceNote, { serviceOrderId: o.id }, { orderBy: { at: 'asc', id: 'asc' } }));
  }
}
