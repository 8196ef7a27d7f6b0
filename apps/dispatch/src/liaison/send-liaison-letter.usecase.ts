import { Injectable } from '@nestjs/common';
import { TransactionalOutbox } from '@pc/messaging';
import { Clock, conflict, inFuture, invalidInput } from '@pc/platform';
import { WorkOrderAction, canDo } from '../work-order/lifecycle';
import { assertHandles, loadWorkOrder } from '../work-order/work-order.access';
import { LiaisonLetter, writeLiaisonLetter } from './liaison-letter.entity';
import type { SendLiaisonLetterCommand } from './commands/liaison.commands';

@Injectable()
export class SendLiaisonLetter {
  constructor(
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
  ) {}

  execute(c: SendLiaisonLetterCommand): Promise<LiaisonLetter> {
    const { actor: user, ...input } = c;
    return this.tx.by(user).run(async (em) => {
      const wo = await loadWorkOrder(em, user, input.workOrderId);
      assertHandles(user, wo, 'write its liaison letters');
      if (!canDo(wo.status, WorkOrderAction.ESCALATE)) {
        throw conflict(`the work order is ${wo.status}; letters go out while it is open`, 'workOrderId');
      }
      if (input.toDepartment === wo.department) throw invalidInput('toDepartment', 'a liaison letter goes to another department');
      const now = this.clock.now();
      inFuture('dueAt', input.dueAt, now);
      return writeLiaisonLetter(em, wo, {
        fromDepartment: wo.department,
        toDepartment: input.toDepartment,
        body: input.body,
        dueAt: input.dueAt,
        sentBy: user.sub,
        sentAt: now,
      });
    });
  }
}
