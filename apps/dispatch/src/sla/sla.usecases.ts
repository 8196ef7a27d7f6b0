import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EscalationLevel, Role, SlaClock } from '@pc/contracts';
import { AuthUser, conflict, forbidden, hasAnyRole, invalidInput, notFound, notInFuture, inFuture } from '@pc/platform';
import { WorkOrderAction, transition } from '../work-order/lifecycle';
import { canHandle, isHeadOf } from '../work-order/work-order.access';
import { WorkOrderCommand, type WorkOrderView } from '../work-order/work-order-command';
import { Extension } from './deadline.entity';
import type { EscalateWorkOrderInput, ExtendDeadlineInput } from './dto/sla.inputs';
import { escalate, isAbove } from './escalation';

/** Clocks no one may extend: rule D upgrades by itself, and a contractor's arrival is not the customer's deadline. */
const NOT_EXTENDABLE = new Set([SlaClock.MAJOR_UPGRADE, SlaClock.CONTRACTOR_ARRIVAL]);

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

/**
 * Extension (domain.md §3): a deadline moves later only with a reason and a record of when and how
 * the customer was told. A breached deadline stays breached; an extension cannot undo it.
 */
/** An extension moves a clock by at most 90 days: further is switching it off, not extending it. */
const MAX_EXTENSION_MS = 90 * 86_400_000;

@Injectable()
export class ExtendDeadline {
  constructor(private readonly command: WorkOrderCommand) {}

  execute(user: AuthUser, input: ExtendDeadlineInput): Promise<WorkOrderView> {
    return this.command.run(user, input.workOrderId, ({ em, wo, book, now }) => {
      if (!isHeadOf(user, wo.department) && !hasAnyRole(user, [Role.SITE_HEAD, Role.AREA_MANAGER])) {
        throw forbidden(`only the ${wo.department} department head or the site's managers may extend a deadline`);
      }
      transition(wo.status, WorkOrderAction.EXTEND);
      if (NOT_EXTENDABLE.has(input.clock)) throw invalidInput('clock', `${input.clock} cannot be extended`);
      const d = book.open(input.clock);
      if (!d) throw notFound(`open ${input.clock} deadline of work order`, wo.id);
      if (d.breachedAt || d.dueAt.getTime() <= now.getTime()) {
        throw conflict(`the ${input.clock} deadline has already passed; an extension cannot undo a breach`, 'clock');
      }
      if (input.newDueAt.getTime() <= d.dueAt.getTime()) {
        throw invalidInput('newDueAt', `must be later than the current due time ${d.dueAt.toISOString()}`);
      }
      inFuture('newDueAt', input.newDueAt, now, MAX_EXTENSION_MS);
      const toldAt = notInFuture('customerTold.at', input.customerTold.at, now);
      em.persist(
        em.create(Extension, {
          id: randomUUID(),
          workOrderId: wo.id,
          deadlineId: d.id,
          clock: d.clock,
          previousDueAt: d.dueAt,
          newDueAt: input.newDueAt,
          reason: input.reason,
          customerToldAt: toldAt,
          customerToldVia: input.customerTold.via,
          by: user.sub,
          at: now,
        }),
      );
      d.dueAt = input.newDueAt;
      book.refresh();
    });
  }
}
