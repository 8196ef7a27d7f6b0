import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Role } from '@pc/contracts';
import { AuthUser, CurrentUser, Roles } from '@pc/platform';
import { AssignHandler } from './assign-handler.usecase';
import { AssignHandlerInput, RecordHandlingPlanInput, RecordProgressInput } from './dto/lifecycle.inputs';
import { RecordHandlingPlan } from './record-handling-plan.usecase';
import { RecordProgress } from './record-progress.usecase';
import { SignOffHandlingPlan } from './sign-off-handling-plan.usecase';
import { WorkOrderObject } from './work-order.object';

export const HANDLERS = [Role.DEPARTMENT_STAFF, Role.DEPARTMENT_HEAD, Role.SITE_HEAD, Role.AREA_MANAGER] as const;

/** Handling a work order (domain.md §3): the plan within the hour, its sign-off, the handler, progress. */
@Resolver(() => WorkOrderObject)
export class HandlingResolver {
  constructor(
    private readonly writePlan: RecordHandlingPlan,
    private readonly signOff: SignOffHandlingPlan,
    private readonly assign: AssignHandler,
    private readonly progress: RecordProgress,
  ) {}

  @Mutation(() => WorkOrderObject, { description: 'Writes (or rewrites, before sign-off) the handling plan.' })
  @Roles(...HANDLERS)
  async recordHandlingPlan(@CurrentUser() actor: AuthUser, @Args('input') input: RecordHandlingPlanInput): Promise<WorkOrderObject> {
    return WorkOrderObject.from(await this.writePlan.execute({ actor, workOrderId: input.workOrderId, plan: input.plan }));
  }

  @Mutation(() => WorkOrderObject, { description: 'The department head signs off the handling plan (meets PLAN).' })
  @Roles(Role.DEPARTMENT_HEAD)
  async signOffHandlingPlan(
    @CurrentUser() actor: AuthUser,
    @Args('workOrderId', { type: () => ID }) workOrderId: string,
  ): Promise<WorkOrderObject> {
    return WorkOrderObject.from(await this.signOff.execute({ actor, workOrderId }));
  }

  @Mutation(() => WorkOrderObject, { description: 'The department head names the handler.' })
  @Roles(Role.DEPARTMENT_HEAD)
  async assignHandler(@CurrentUser() actor: AuthUser, @Args('input') input: AssignHandlerInput): Promise<WorkOrderObject> {
    return WorkOrderObject.from(await this.assign.execute({ actor, workOrderId: input.workOrderId, handlerId: input.handlerId }));
  }

  @Mutation(() => WorkOrderObject, { description: 'A progress note; with customerInformed it meets REPLY and FEEDBACK.' })
  @Roles(...HANDLERS)
  async recordProgress(@CurrentUser() actor: AuthUser, @Args('input') input: RecordProgressInput): Promise<WorkOrderObject> {
    return WorkOrderObject.from(
      await this.progress.execute({
        actor,
        workOrderId: input.workOrderId,
        note: input.note,
        customerInformed: input.customerInformed,
        attachments: input.attachments,
      }),
    );
  }
}
