import { Injectable } from '@nestjs/common';
import { WorkOrderStep } from '@pc/contracts';
import type { AssignHandlerCommand } from './commands/work-order.commands';
import { assertHeadOf } from './work-order.access';
import { WorkOrderCommand, type WorkOrderView } from './work-order-command';

/** The department head names the handler (and may name another later). */
@Injectable()
export class AssignHandler {
  constructor(private readonly command: WorkOrderCommand) {}

  execute(c: AssignHandlerCommand): Promise<WorkOrderView> {
    return this.command.run(c.actor, c.workOrderId, WorkOrderStep.HANDLER_ASSIGNED, ({ wo, now }) => {
      assertHeadOf(c.actor, wo, 'assign its handler');
      wo.assignHandler(c.handlerId, now);
    });
  }
}
