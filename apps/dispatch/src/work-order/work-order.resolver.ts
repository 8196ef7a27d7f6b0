import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Role } from '@pc/contracts';
import { AuthUser, CurrentUser, Roles } from '@pc/platform';
import { ResolveWorkOrderInput } from './dto/resolve-work-order.input';
import { WorkOrdersArgs } from './dto/work-orders.args';
import { ResolveWorkOrder } from './resolve-work-order.usecase';
import { WorkOrderQueries } from './work-order.queries';
import { ComplaintRef, WorkOrderConnection, WorkOrderObject } from './work-order.object';

const HANDLERS = [Role.DEPARTMENT_STAFF, Role.DEPARTMENT_HEAD, Role.SITE_HEAD, Role.AREA_MANAGER] as const;

@Resolver(() => WorkOrderObject)
export class WorkOrderResolver {
  constructor(
    private readonly queries: WorkOrderQueries,
    private readonly resolveWorkOrder: ResolveWorkOrder,
  ) {}

  @Query(() => WorkOrderConnection, { description: "A department's queue, oldest first, scoped to the caller's sites." })
  workOrders(@CurrentUser() user: AuthUser, @Args() args: WorkOrdersArgs): Promise<WorkOrderConnection> {
    return this.queries.queue(user, args);
  }

  @Mutation(() => WorkOrderObject, { name: 'resolveWorkOrder', description: 'Records the resolution of a work order.' })
  @Roles(...HANDLERS)
  async resolve(@CurrentUser() user: AuthUser, @Args('input') input: ResolveWorkOrderInput): Promise<WorkOrderObject> {
    const { workOrder, deadlines } = await this.resolveWorkOrder.execute(user, input);
    return WorkOrderObject.from(workOrder, deadlines);
  }
}

@Resolver(() => ComplaintRef)
export class ComplaintWorkOrdersResolver {
  constructor(private readonly queries: WorkOrderQueries) {}

  @ResolveField(() => [WorkOrderObject], { description: 'The work orders of this complaint, lead first.' })
  workOrders(@Parent() complaint: ComplaintRef, @CurrentUser() user: AuthUser): Promise<WorkOrderObject[]> {
    return this.queries.forComplaint(user, complaint.id);
  }
}
