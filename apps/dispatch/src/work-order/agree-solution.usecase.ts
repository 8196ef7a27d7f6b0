import { Injectable } from '@nestjs/common';
import { SlaClock, WorkOrderStep } from '@pc/contracts';
import { notInFuture } from '@pc/platform';
import type { AgreeSolutionCommand } from './commands/work-order.commands';
import { assertHandles } from './work-order.access';
import { announceContact, workOrderCase } from './customer-contact';
import { WorkOrderCommand, type WorkOrderView } from './work-order-command';

/** Major: a solution agreed with the customer within 12 hours (SOLUTION_AGREED); it is also the reply. */
@Injectable()
export class AgreeSolution {
  constructor(private readonly command: WorkOrderCommand) {}

  execute(c: AgreeSolutionCommand): Promise<WorkOrderView> {
    return this.command.run(c.actor, c.workOrderId, WorkOrderStep.SOLUTION_AGREED, ({ events, wo, book, now }) => {
      assertHandles(c.actor, wo, 'record the agreed solution');
      wo.assertMayReply('agreed');
      const at = notInFuture('agreed.at', c.agreed.at, now);
      wo.agreeSolution(c.solution, at);
      book.meet([SlaClock.SOLUTION_AGREED, SlaClock.REPLY], at);
      announceContact(events, workOrderCase(wo), {
        sourceId: `${wo.id}:solution:${wo.round}`,
        via: c.agreed.via,
        answered: `Solution agreed: ${c.solution}`,
        by: c.actor.sub,
        at,
      });
    });
  }
}
