import { Injectable } from '@nestjs/common';
import { Department, Role } from '@pc/contracts';
import { TransactionalOutbox } from '@pc/messaging';
import { AuthUser, Clock, scopeOf, conflict, forbidden, hasAnyRole, inFuture, invalidInput } from '@pc/platform';
import { WorkOrderAction, canDo } from '../work-order/lifecycle';
import { assertHandles, loadWorkOrder } from '../work-order/work-order.access';
import type { AnswerLiaisonLetterInput, SendLiaisonLetterInput } from './dto/liaison.inputs';
import { LiaisonLetter, writeLiaisonLetter } from './liaison-letter.entity';

const canAnswerFor = (user: AuthUser, department: Department) =>
  hasAnyRole(user, [Role.SITE_HEAD]) || (hasAnyRole(user, [Role.DEPARTMENT_STAFF, Role.DEPARTMENT_HEAD]) && user.department === department);

@Injectable()
export class SendLiaisonLetter {
  constructor(
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
  ) {}

  execute(user: AuthUser, input: SendLiaisonLetterInput): Promise<LiaisonLetter> {
    return this.tx.run(async (em) => {
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

@Injectable()
export class AnswerLiaisonLetter {
  constructor(
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
  ) {}

  execute(user: AuthUser, input: AnswerLiaisonLetterInput): Promise<LiaisonLetter> {
    return this.tx.run(async (em) => {
      const letter = await scopeOf(user).load(em, LiaisonLetter, input.letterId, 'liaison letter');
      if (!canAnswerFor(user, letter.toDepartment)) throw forbidden(`only ${letter.toDepartment} staff may answer this letter`);
      if (letter.answeredAt) throw conflict('the letter is already answered', 'letterId');
      Object.assign(letter, { answer: input.answer, answeredBy: user.sub, answeredAt: this.clock.now() });
      return letter;
    });
  }
}
