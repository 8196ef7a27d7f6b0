import { Injectable } from '@nestjs/common';
import { SlaClock, WorkOrderStep } from '@pc/contracts';
import type { SignOffHandlingPlanCommand } from './commands/work-order.commands';
import { assertHeadOf } from './work-order.access';
import { WorkOrderCommand, type WorkOrderView } from './work-order-command';

/** The department head signs off the plan: that meets the 1-hour PLAN clock (domain.md §3). */
@Injectable()
export class SignOffHandlingPlan {
  constructor(private readonly command: WorkOrderCommand) {}

  execute(c: SignOffHandlingPlanCommand): Promise<WorkOrderView> {
    return this.command.run(c.actor, c.workOrderId, WorkOrderStep.PLAN_SIGNED_OFF, ({ wo, book, now }) => {
      assertHeadOf(c.actor, wo, 'sign off its handling plan');
      wo.signOffPlan(c.actor.sub, now);
      book.meet([SlaClock.PLAN], now);
    });
  }
}
