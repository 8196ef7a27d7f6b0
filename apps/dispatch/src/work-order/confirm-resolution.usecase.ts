import { Injectable } from '@nestjs/common';
import { WorkOrderStep } from '@pc/contracts';
import { forbidden, invalidInput, notInFuture } from '@pc/platform';
import type { ConfirmResolutionCommand } from './commands/work-order.commands';
import { WorkOrderAction, transition } from './lifecycle';
import { assertHandles } from './work-order.access';
import { WorkOrderCommand, type WorkOrderView } from './work-order-command';

/**
 * The customer's confirmation (domain.md §3): only the customer who complained confirms, with their
 * own signature; staff never sign on the customer's behalf (不得仿签).
 */
@Injectable()
export class ConfirmResolution {
  constructor(private readonly command: WorkOrderCommand) {}

  execute(c: ConfirmResolutionCommand): Promise<WorkOrderView> {
    return this.command.run(c.actor, c.workOrderId, WorkOrderStep.CONFIRMED, ({ wo, now }) => {
      assertHandles(c.actor, wo, "record the customer's confirmation");
      transition(wo.status, WorkOrderAction.CONFIRM); // the state is checked before who signs
      if (c.customerId === c.actor.sub) throw forbidden("staff may not confirm on the customer's behalf");
      if (!wo.customerId || c.customerId !== wo.customerId) {
        throw invalidInput('customerId', 'only the customer who complained may confirm the resolution; staff never sign on their behalf');
      }
      wo.confirm(c.signature, c.actor.sub, notInFuture('at', c.at, now));
    });
  }
}
