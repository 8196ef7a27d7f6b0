import { Injectable } from '@nestjs/common';
import { Role, WorkOrderStep } from '@pc/contracts';
import { hasAnyRole } from '@pc/platform';
import type { CloseWorkOrderCommand } from './commands/work-order.commands';
import { assertHeadOf } from './work-order.access';
import { WorkOrderCommand, type WorkOrderView } from './work-order-command';

/** After the customer's confirmation the department head (or the site's managers) closes the work order. */
@Injectable()
export class CloseWorkOrder {
  constructor(private readonly command: WorkOrderCommand) {}

  execute(c: CloseWorkOrderCommand): Promise<WorkOrderView> {
    return this.command.run(c.actor, c.workOrderId, WorkOrderStep.CLOSED, ({ wo, now }) => {
      if (!hasAnyRole(c.actor, [Role.SITE_HEAD, Role.AREA_MANAGER])) assertHeadOf(c.actor, wo, 'close it');
      wo.close(c.actor.sub, now);
    });
  }
}
