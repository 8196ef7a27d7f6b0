import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Role } from '@pc/contracts';
import { AuthUser, CurrentUser, Roles } from '@pc/platform';
import { AgreeSolution } from './agree-solution.usecase';
import { CloseWorkOrder } from './close-work-order.usecase';
import { ConfirmResolution } from './confirm-resolution.usecase';
import { AgreeSolutionInput, ConfirmResolutionInput, ReportToHeadInput } from './dto/lifecycle.inputs';
import { ResolveWorkOrderInput } from './dto/resolve-work-order.input';
import { HANDLERS } from './handling.resolver';
import { ReportToHead } from './report-to-head.usecase';
import { ResolveWorkOrder } from './resolve-work-order.usecase';
import { WorkOrderObject } from './work-order.object';

/** Towards closure: the major-complaint steps, the resolution, the customer's confirmation, closing. */
@Resolver(() => WorkOrderObject)
export class ClosureResolver {
  constructor(
    private readonly report: ReportToHead,
    private readonly agree: AgreeSolution,
    private readonly resolveWorkOrder: ResolveWorkOrder,
    private readonly confirm: ConfirmResolution,
    private readonly close: CloseWorkOrder,
  ) {}

  @Mutation(() => WorkOrderObject, {
    description: 'Major: the area manager reported it to the asset-management head (meets REPORT_TO_HEAD).',
  })
  @Roles(Role.AREA_MANAGER, Role.SITE_HEAD)
  async reportToHead(@CurrentUser() actor: AuthUser, @Args('input') input: ReportToHeadInput): Promise<WorkOrderObject> {
    return WorkOrderObject.from(
      await this.report.execute({ actor, workOrderId: input.workOrderId, reportedTo: input.reportedTo, at: input.at }),
    );
  }

  @Mutation(() => WorkOrderObject, { description: 'The solution agreed with the customer (meets SOLUTION_AGREED and REPLY).' })
  @Roles(...HANDLERS)
  async recordAgreedSolution(@CurrentUser() actor: AuthUser, @Args('input') input: AgreeSolutionInput): Promise<WorkOrderObject> {
    return WorkOrderObject.from(
      await this.agree.execute({ actor, workOrderId: input.workOrderId, solution: input.solution, agreed: input.agreed }),
    );
  }

  @Mutation(() => WorkOrderObject, {
    name: 'resolveWorkOrder',
    description: 'Records the resolution with cause analysis and preventive action.',
  })
  @Roles(...HANDLERS)
  async resolve(@CurrentUser() actor: AuthUser, @Args('input') input: ResolveWorkOrderInput): Promise<WorkOrderObject> {
    const { workOrderId, resolution, cause, causeAnalysis, preventiveAction, correctiveActionReport, customerInformed } = input;
    return WorkOrderObject.from(
      await this.resolveWorkOrder.execute({
        actor,
        workOrderId,
        resolution,
        cause,
        causeAnalysis,
        preventiveAction,
        correctiveActionReport,
        customerInformed,
      }),
    );
  }

  @Mutation(() => WorkOrderObject, { description: "Records the customer's own confirmation (signature) of the resolution." })
  @Roles(...HANDLERS)
  async confirmResolution(@CurrentUser() actor: AuthUser, @Args('input') input: ConfirmResolutionInput): Promise<WorkOrderObject> {
    const { workOrderId, customerId, signature, at } = input;
    return WorkOrderObject.from(await this.confirm.execute({ actor, workOrderId, customerId, signature, at }));
  }

  @Mutation(() => WorkOrderObject, { description: 'Closes a work order the customer confirmed.' })
  @Roles(Role.DEPARTMENT_HEAD, Role.SITE_HEAD, Role.AREA_MANAGER)
  async closeWorkOrder(
    @CurrentUser() actor: AuthUser,
    @Args('workOrderId', { type: () => ID }) workOrderId: string,
  ): Promise<WorkOrderObject> {
    return WorkOrderObject.from(await this.close.execute({ actor, workOrderId }));
  }
}
