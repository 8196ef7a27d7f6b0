import { Injectable } from '@nestjs/common';
import { Role, WorkOrderStep } from '@pc/contracts';
import { Directory } from '@pc/subgraph';
import type { AssignHandlerCommand } from './commands/work-order.commands';
import { assertHeadOf } from './work-order.access';
import { WorkOrderCommand, type WorkOrderView } from './work-order-command';

/**
 * The department head names the handler (and may name another later): a named person of the staff
 * registry, active, of the work order's department, working at its site (domain.md §3: "assign a
 * named handler").
 */
@Injectable()
export class AssignHandler {
  constructor(
    private readonly command: WorkOrderCommand,
    private readonly directory: Directory,
  ) {}

  execute(c: AssignHandlerCommand): Promise<WorkOrderView> {
    return this.command.run(c.actor, c.workOrderId, WorkOrderStep.HANDLER_ASSIGNED, async ({ em, wo, now }) => {
      assertHeadOf(c.actor, wo, 'assign its handler');
      await this.directory.staff(
        em,
        c.actor,
        c.handlerId,
        { siteId: wo.siteId, roles: [Role.DEPARTMENT_STAFF, Role.DEPARTMENT_HEAD], department: wo.department, as: 'handler' },
        'handlerId',
      );
      wo.assignHandler(c.handlerId, now);
    });
  }
}
