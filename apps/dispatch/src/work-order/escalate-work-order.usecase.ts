import { Injectable } from '@nestjs/common';
import { EscalationLevel, Role, WorkOrderStep } from '@pc/contracts';
import { conflict, forbidden, hasAnyRole, invalidInput } from '@pc/platform';
import { WorkOrderAction, transition } from './lifecycle';
import { canHandle } from './work-order.access';
import { WorkOrderCommand, type WorkOrderView } from './work-order-command';
import type { EscalateWorkOrderCommand } from './commands/work-order.commands';
import { escalate, isAbove } from '../sla/escalation';

/** Manual escalation (升级投诉): up to a named higher level, or the next one, with a reason. */
@Injectable()
export class EscalateWorkOrder {
  constructor(private readonly command: WorkOrderCommand) {}

  execute(c: EscalateWorkOrderCommand): Promise<WorkOrderView> {
    const { actor: user } = c;
    return this.command.run(user, c.workOrderId, WorkOrderStep.ESCALATED, ({ em, events, wo, now }) => {
      if (!canHandle(user, wo) && !hasAnyRole(user, [Role.QUALITY, Role.COMPLAINT_REP, Role.LEADERSHIP])) {
        throw forbidden('only staff handling the case, the site managers, quality or the complaint representatives may escalate it');
      }
      transition(wo.status, WorkOrderAction.ESCALATE);
      if (c.to && !isAbove(c.to, wo.escalationLevel)) {
        throw invalidInput('to', `must be above the level the case is at (${wo.escalationLevel})`);
      }
      if (!c.to && wo.escalationLevel === EscalationLevel.LEADERSHIP) {
        throw conflict('the case is already with leadership, the top of the chain', 'workOrderId');
      }
      escalate(em, events, wo, { reason: c.reason, by: user.sub, at: now, to: c.to });
    });
  }
}
