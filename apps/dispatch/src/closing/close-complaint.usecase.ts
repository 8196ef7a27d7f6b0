import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ComplaintCaseClosed, SlaClock, VerificationResult, WorkOrderStatus, WorkOrderStep } from '@pc/contracts';
import { TransactionalOutbox } from '@pc/messaging';
import { AuthUser, Clock, conflict, notFound, scopeOf } from '@pc/platform';
import { DeadlineBook } from '../sla/deadline-book';
import { forUpdate } from '../work-order/work-order.access';
import { WorkOrderCommand } from '../work-order/work-order-command';
import { WorkOrder } from '../work-order/work-order.entity';
import { QUALITY_HANDOVER_MS, closeRefusal } from './closing-rules';
import { latestClosure } from './closing-access';
import { CallbackResult, ComplaintClosure } from './closing.entity';

export interface CloseComplaintCommand {
  actor: AuthUser;
  complaintId: string;
  opinion: string;
}

/**
 * The site's head closes a valid complaint with an opinion (seeds/000: 资产管理部负责人在《客户投诉处置表》
 * 上填写意见,而后由服务站存档), once the customer confirmed every work order and the newest callback
 * after the resolution was not dissatisfied. Every work order becomes CLOSED, intake's record too
 * (`complaint.case_closed`), and the 3-day QUALITY_HANDOVER clock starts on the lead work order.
 */
@Injectable()
export class CloseComplaint {
  constructor(
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
    private readonly command: WorkOrderCommand,
  ) {}

  execute(c: CloseComplaintCommand): Promise<ComplaintClosure> {
    const user = c.actor;
    return this.tx.by(user).run(async (em, events) => {
      const workOrders = await scopeOf(user).find(
        em,
        WorkOrder,
        { complaintId: c.complaintId },
        { orderBy: [{ lead: 'desc' }, { department: 'asc' }], lockMode: forUpdate(em) },
      );
      if (!workOrders.length) throw notFound('complaint', c.complaintId);
      const previous = await latestClosure(em, user, c.complaintId);
      if (previous && previous.result !== VerificationResult.FALLS_SHORT) {
        throw conflict(`complaint ${c.complaintId} was closed at ${previous.closedAt.toISOString()}`, 'complaintId');
      }
      const callbacks = await em.find(CallbackResult, { orgId: user.org, complaintId: c.complaintId });
      const refusal = closeRefusal(workOrders, callbacks);
      if (refusal) throw conflict(`cannot close complaint ${c.complaintId}: ${refusal}`, 'complaintId');

      const now = this.clock.now();
      const lead = workOrders[0];
      const closure = em.create(ComplaintClosure, {
        id: randomUUID(),
        orgId: lead.orgId,
        siteId: lead.siteId,
        complaintId: c.complaintId,
        opinion: c.opinion,
        closedBy: user.sub,
        closedAt: now,
        handoverDueAt: new Date(now.getTime() + QUALITY_HANDOVER_MS),
      });
      em.persist(closure);
      const books = new Map<string, DeadlineBook>();
      for (const wo of workOrders) {
        if (wo.status === WorkOrderStatus.CONFIRMED) wo.close(user.sub, now);
        wo.revision += 1;
        books.set(wo.id, await DeadlineBook.of(em, wo));
      }
      books.get(lead.id)!.start([{ clock: SlaClock.QUALITY_HANDOVER, dueAt: closure.handoverDueAt }]);
      events.publish(ComplaintCaseClosed, {
        orgId: lead.orgId,
        siteId: lead.siteId,
        complaintId: c.complaintId,
        closedAt: now.toISOString(),
        closedBy: user.sub,
        opinion: c.opinion,
        handoverDueAt: closure.handoverDueAt.toISOString(),
      });
      await em.flush();
      for (const wo of workOrders) await this.command.record(em, events, wo, books.get(wo.id)!, WorkOrderStep.CLOSED, now);
      return closure;
    });
  }
}
