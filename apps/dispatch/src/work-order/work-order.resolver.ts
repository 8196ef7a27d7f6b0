import { Args, ID, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { AuthUser, CurrentUser, type RequestContext } from '@pc/platform';
import { loadById } from '@pc/subgraph';
import { WorkOrdersArgs } from './dto/work-orders.args';
import { WorkOrderQueries } from './work-order.queries';
import {
  ComplaintRef,
  EscalationObject,
  ExtensionObject,
  ProgressNoteObject,
  WorkOrderConnection,
  WorkOrderObject,
  WorkOrderRoundObject,
} from './work-order.object';

/** The read side of work orders: the queue, one work order, its history, and `_entities`. */
@Resolver(() => WorkOrderObject)
export class WorkOrderResolver {
  constructor(private readonly queries: WorkOrderQueries) {}

  @Query(() => WorkOrderConnection, { description: "A department's queue, nearest deadline first, scoped to the caller's sites." })
  workOrders(@CurrentUser() user: AuthUser, @Args() args: WorkOrdersArgs): Promise<WorkOrderConnection> {
    return this.queries.queue(user, args);
  }

  @Query(() => WorkOrderObject, { description: 'One work order.' })
  workOrder(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) workOrderId: string): Promise<WorkOrderObject> {
    return this.queries.one(user, workOrderId);
  }

  /** `_entities`: only a work order of the caller's scope (null otherwise). */
  @ResolveReference()
  async resolveReference(ref: { id: string }, ctx: RequestContext): Promise<WorkOrderObject | null> {
    const user = ctx.user;
    return user ? loadById(ctx, 'work order', (ids) => this.queries.findMany(user, ids))(ref.id) : null;
  }

  @ResolveField(() => Boolean, { description: 'An open clock is past its due time.' })
  overdue(@Parent() w: WorkOrderObject): boolean {
    return this.queries.isOverdue(w);
  }

  @ResolveField(() => [EscalationObject], { description: 'The full escalation history, oldest first.' })
  escalations(@Parent() w: WorkOrderObject, @CurrentUser() user: AuthUser): Promise<EscalationObject[]> {
    return this.queries.escalations(user, w);
  }

  @ResolveField(() => [ProgressNoteObject], { description: 'Progress notes, oldest first.' })
  progress(@Parent() w: WorkOrderObject, @CurrentUser() user: AuthUser): Promise<ProgressNoteObject[]> {
    return this.queries.progress(user, w);
  }

  @ResolveField(() => [WorkOrderRoundObject], {
    description:
      'The finished rounds of a work order that came back for rework (plan, cause analysis, resolution as they were), oldest first.',
  })
  rounds(@Parent() w: WorkOrderObject, @CurrentUser() user: AuthUser): Promise<WorkOrderRoundObject[]> {
    return this.queries.rounds(user, w);
  }

  @ResolveField(() => [ExtensionObject], { description: 'Deadline extensions, oldest first.' })
  extensions(@Parent() w: WorkOrderObject, @CurrentUser() user: AuthUser): Promise<ExtensionObject[]> {
    return this.queries.extensions(user, w);
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
