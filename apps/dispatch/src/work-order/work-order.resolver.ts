import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { Role } from '@pc/contracts';
import { AuthUser, CurrentUser, Roles, type RequestContext } from '@pc/platform';
import {
  AgreeSolutionInput,
  AssignHandlerInput,
  ConfirmResolutionInput,
  RecordHandlingPlanInput,
  RecordProgressInput,
  ReportToHeadInput,
} from './dto/lifecycle.inputs';
import { ResolveWorkOrderInput } from './dto/resolve-work-order.input';
import { WorkOrdersArgs } from './dto/work-orders.args';
import { LifecycleCommands } from './lifecycle.usecases';
import { ResolveWorkOrder } from './resolve-work-order.usecase';
import { WorkOrderQueries } from './work-order.queries';
import {
  ComplaintRef,
  EscalationObject,
  ExtensionObject,
  ProgressNoteObject,
  WorkOrderConnection,
  WorkOrderObject,
} from './work-order.object';

const HANDLERS = [Role.DEPARTMENT_STAFF, Role.DEPARTMENT_HEAD, Role.SITE_HEAD, Role.AREA_MANAGER] as const;
const id = { type: () => ID };

@Resolver(() => WorkOrderObject)
export class WorkOrderResolver {
  constructor(
    private readonly queries: WorkOrderQueries,
    private readonly lifecycle: LifecycleCommands,
    private readonly resolveWorkOrder: ResolveWorkOrder,
  ) {}

  @Query(() => WorkOrderConnection, { description: "A department's queue, nearest deadline first, scoped to the caller's sites." })
  workOrders(@CurrentUser() user: AuthUser, @Args() args: WorkOrdersArgs): Promise<WorkOrderConnection> {
    return this.queries.queue(user, args);
  }

  @Query(() => WorkOrderObject, { description: 'One work order.' })
  workOrder(@CurrentUser() user: AuthUser, @Args('id', id) workOrderId: string): Promise<WorkOrderObject> {
    return this.queries.one(user, workOrderId);
  }

  /** `_entities`: only a work order of the caller's scope (null otherwise). */
  @ResolveReference()
  async resolveReference(ref: { id: string }, ctx: RequestContext): Promise<WorkOrderObject | null> {
    return ctx.user ? this.queries.find(ctx.user, ref.id) : null;
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

  @ResolveField(() => [ExtensionObject], { description: 'Deadline extensions, oldest first.' })
  extensions(@Parent() w: WorkOrderObject, @CurrentUser() user: AuthUser): Promise<ExtensionObject[]> {
    return this.queries.extensions(user, w);
  }

  @Mutation(() => WorkOrderObject, { description: 'Writes (or rewrites, before sign-off) the handling plan.' })
  @Roles(...HANDLERS)
  async recordHandlingPlan(@CurrentUser() user: AuthUser, @Args('input') input: RecordHandlingPlanInput): Promise<WorkOrderObject> {
    return WorkOrderObject.from(await this.lifecycle.writePlan.execute(user, input));
  }

  @Mutation(() => WorkOrderObject, { description: 'The department head signs off the handling plan (meets PLAN).' })
  @Roles(Role.DEPARTMENT_HEAD)
  async signOffHandlingPlan(@CurrentUser() user: AuthUser, @Args('workOrderId', id) workOrderId: string): Promise<WorkOrderObject> {
    return WorkOrderObject.from(await this.lifecycle.signOff.execute(user, workOrderId));
  }

  @Mutation(() => WorkOrderObject, { description: 'The department head names the handler.' })
  @Roles(Role.DEPARTMENT_HEAD)
  async assignHandler(@CurrentUser() user: AuthUser, @Args('input') input: AssignHandlerInput): Promise<WorkOrderObject> {
    return WorkOrderObject.from(await this.lifecycle.assign.execute(user, input));
  }

  @Mutation(() => WorkOrderObject, { description: 'A progress note; with customerInformed it meets REPLY and FEEDBACK.' })
  @Roles(...HANDLERS)
  async recordProgress(@CurrentUser() user: AuthUser, @Args('input') input: RecordProgressInput): Promise<WorkOrderObject> {
    return WorkOrderObject.from(await this.lifecycle.progress.execute(user, input));
  }

  @Mutation(() => WorkOrderObject, {
    description: 'Major: the area manager reported it to the asset-management head (meets REPORT_TO_HEAD).',
  })
  @Roles(Role.AREA_MANAGER, Role.SITE_HEAD)
  async reportToHead(@CurrentUser() user: AuthUser, @Args('input') input: ReportToHeadInput): Promise<WorkOrderObject> {
    return WorkOrderObject.from(await this.lifecycle.reportToHead.execute(user, input));
  }

  @Mutation(() => WorkOrderObject, { description: 'The solution agreed with the customer (meets SOLUTION_AGREED and REPLY).' })
  @Roles(...HANDLERS)
  async recordAgreedSolution(@CurrentUser() user: AuthUser, @Args('input') input: AgreeSolutionInput): Promise<WorkOrderObject> {
    return WorkOrderObject.from(await this.lifecycle.agreeSolution.execute(user, input));
  }

  @Mutation(() => WorkOrderObject, {
    name: 'resolveWorkOrder',
    description: 'Records the resolution with cause analysis and preventive action.',
  })
  @Roles(...HANDLERS)
  async resolve(@CurrentUser() user: AuthUser, @Args('input') input: ResolveWorkOrderInput): Promise<WorkOrderObject> {
    return WorkOrderObject.from(await this.resolveWorkOrder.execute(user, input));
  }

  @Mutation(() => WorkOrderObject, { description: "Records the customer's own confirmation (signature) of the resolution." })
  @Roles(...HANDLERS)
  async confirmResolution(@CurrentUser() user: AuthUser, @Args('input') input: ConfirmResolutionInput): Promise<WorkOrderObject> {
    return WorkOrderObject.from(await this.lifecycle.confirm.execute(user, input));
  }

  @Mutation(() => WorkOrderObject, { description: 'Closes a work order the customer confirmed.' })
  @Roles(Role.DEPARTMENT_HEAD, Role.SITE_HEAD, Role.AREA_MANAGER)
  async closeWorkOrder(@CurrentUser() user: AuthUser, @Args('workOrderId', id) workOrderId: string): Promise<WorkOrderObject> {
    return WorkOrderObject.from(await this.lifecycle.close.execute(user, workOrderId));
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
