import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Department } from '@pc/contracts';
import { TransactionalOutbox } from '@pc/messaging';
import { Clock, conflict, forbidden, inFuture, invalidInput } from '@pc/platform';
import { DeadlineBook } from '../sla/deadline-book';
import { contractorArrivalClock } from '../sla/sla-clocks';
import { WorkOrderAction, canDo } from '../work-order/lifecycle';
import { loadWorkOrder } from '../work-order/work-order.access';
import { RectificationNotice } from './rectification.entity';
import type { IssueRectificationNoticeCommand } from './commands/contractor.commands';
import { isEngineering } from './contractor-rules';

/**
 * A rectification notice (工程整改通知单) to the contractor, on an engineering work order: it starts
 * the contractor's 4-hour arrival clock (CONTRACTOR_ARRIVAL) and carries the rectification deadline.
 */
@Injectable()
export class IssueRectificationNotice {
  constructor(
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
  ) {}

  execute(c: IssueRectificationNoticeCommand): Promise<RectificationNotice> {
    const { actor: user, ...input } = c;
    return this.tx.by(user).run(async (em) => {
      if (!isEngineering(user)) throw forbidden('only engineering staff or the site head issue rectification notices');
      const wo = await loadWorkOrder(em, user, input.workOrderId);
      if (wo.department !== Department.ENGINEERING) {
        throw invalidInput('workOrderId', 'rectification notices are issued on engineering work orders');
      }
      if (!canDo(wo.status, WorkOrderAction.ESCALATE)) {
        throw conflict(`the work order is ${wo.status}; notices are issued while it is open`, 'workOrderId');
      }
      const now = this.clock.now();
      inFuture('rectifyBy', input.rectifyBy, now);
      const notice = em.create(RectificationNotice, {
        id: randomUUID(),
        orgId: wo.orgId,
        siteId: wo.siteId,
        workOrderId: wo.id,
        contractor: input.contractor,
        defect: input.defect,
        issuedBy: user.sub,
        issuedAt: now,
        rectifyBy: input.rectifyBy,
      });
      em.persist(notice);
      (await DeadlineBook.of(em, wo)).start([contractorArrivalClock(now)], notice.id);
      return notice;
    });
  }
}
