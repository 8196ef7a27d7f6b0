import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Role } from '@pc/contracts';
import { AuthUser, CurrentUser, Roles } from '@pc/platform';
import { WorkOrderObject } from './work-order.object';
import { EscalateWorkOrderInput, ExtendDeadlineInput } from './dto/escalation.inputs';
import { EscalateWorkOrder } from './escalate-work-order.usecase';
import { ExtendDeadline } from './extend-deadline.usecase';

@Resolver(() => WorkOrderObject)
export class EscalationResolver {
  constructor(
    private readonly escalateWorkOrder: EscalateWorkOrder,
    private readonly extendDeadline: ExtendDeadline,
  ) {}

  @Mutation(() => WorkOrderObject, {
    name: 'escalateWorkOrder',
    description: 'Passes a case up the chain with its full history; the clocks keep running.',
  })
  async escalate(@CurrentUser() actor: AuthUser, @Args('input') input: EscalateWorkOrderInput): Promise<WorkOrderObject> {
    return WorkOrderObject.from(
      await this.escalateWorkOrder.execute({ actor, workOrderId: input.workOrderId, reason: input.reason, to: input.to }),
    );
  }

  @Mutation(() => WorkOrderObject, {
    name: 'extendDeadline',
    description: 'Extends an open deadline with a reason, after telling the customer.',
  })
  @Roles(Role.DEPARTMENT_HEAD, Role.SITE_HEAD, Role.AREA_MANAGER)
  async extend(@CurrentUser() actor: AuthUser, @Args('input') input: ExtendDeadlineInput): Promise<WorkOrderObject> {
    const { workOrderId, clock, newDueAt, reason, customerTold } = input;
    return WorkOrderObject.from(await this.extendDeadline.execute({ actor, workOrderId, clock, newDueAt, reason, customerTold }));
  }
}
