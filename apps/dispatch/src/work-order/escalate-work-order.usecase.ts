import { Injectable } from '@nestjs/common';
import { EscalationLevel, Role } from '@pc/contracts';
import { AuthUser, conflict, forbidden, hasAnyRole, invalidInput } from '@pc/platform';
import { WorkOrderAction, transition } from './lifecycle';
import { canHandle } from './work-order.access';
import { WorkOrderCommand, type WorkOrderView } from './work-order-command';
import type { EscalateWorkOrderInput } from './dto/escalation.inputs';
import { escalate, isAbove } from '../sla/escalation';

/** Manual escalation (升级投诉): up to a named higher level, or the next one, with a reason. */
@Injectable()
export class EscalateWorkOrder {
  constructor(private readonly command: WorkOrderCommand) {}

  execute(user: AuthUser, input: EscalateWorkOrderInput): Promise<WorkOrderView> {
    return this.command.run(user, input.workOrderId, ({ em, events, wo, now }) => {
      if (!canHandle(user, wo) && !hasAnyRole(user, [Role.QUALITY, Role.COMPLAINT_REP, Role.LEADERSHIP])) {
        throw forbidden('only staff handling the case, the site managers, quality or the complaint representatives may escalate it');
      }
      transition(wo.status, WorkOrderAction.ESCALATE);
      if (input.to && !isAbove(input.to, wo.escalationLevel)) {
        throw invalidInput('to', `must be above the level the case is at (${wo.escalationLevel})`);
      }
      if (!input.to && wo.escalationLevel === EscalationLevel.LEADERSHIP) {
        throw conflict('the case is already with leadership, the top of the chain', 'workOrderId');
      }
      escalate(em, events, wo, { reason: input.reason, by: user.sub, at: now, to: input.to });
    });
  }
}
