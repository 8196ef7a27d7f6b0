import { Injectable } from '@nestjs/common';
import { WorkOrderStep } from '@pc/contracts';
import type { RecordHandlingPlanCommand } from './commands/work-order.commands';
import { assertHandles } from './work-order.access';
import { WorkOrderCommand, type WorkOrderView } from './work-order-command';

/** Staff write the handling plan (处理方法) within the hour; the department head signs it off next. */
@Injectable()
export class RecordHandlingPlan {
  constructor(private readonly command: WorkOrderCommand) {}

  execute(c: RecordHandlingPlanCommand): Promise<WorkOrderView> {
    return this.command.run(c.actor, c.workOrderId, WorkOrderStep.PLAN_WRITTEN, ({ wo, now }) => {
      assertHandles(c.actor, wo, 'write its handling plan');
      wo.writePlan(c.plan, c.actor.sub, now);
    });
  }
}
