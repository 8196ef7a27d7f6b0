import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Role, SlaClock, WorkOrderStep } from '@pc/contracts';
import { conflict, forbidden, hasAnyRole, invalidInput, notFound, notInFuture, inFuture } from '@pc/platform';
import { WorkOrderAction, transition } from './lifecycle';
import { isHeadOf } from './work-order.access';
import { announceContact, workOrderCase } from './customer-contact';
import { WorkOrderCommand, type WorkOrderView } from './work-order-command';
import { Extension } from '../sla/deadline.entity';
import type { ExtendDeadlineCommand } from './commands/work-order.commands';

/** Clocks no one may extend: rule D upgrades by itself, and a contractor's arrival is not the customer's deadline. */
const NOT_EXTENDABLE = new Set([SlaClock.MAJOR_UPGRADE, SlaClock.CONTRACTOR_ARRIVAL]);

/** An extension moves a clock by at most 90 days: further is switching it off, not extending it. */
const MAX_EXTENSION_MS = 90 * 86_400_000;

/**
 * Extension (domain.md §3): a deadline moves later only with a reason and a record of when and how
 * the customer was told. A breached deadline stays breached; an extension cannot undo it.
 */
@Injectable()
export class ExtendDeadline {
  constructor(private readonly command: WorkOrderCommand) {}

  execute(c: ExtendDeadlineCommand): Promise<WorkOrderView> {
    const { actor: user } = c;
    return this.command.run(user, c.workOrderId, WorkOrderStep.DEADLINE_EXTENDED, ({ em, events, wo, book, now }) => {
      if (!isHeadOf(user, wo.department) && !hasAnyRole(user, [Role.SITE_HEAD, Role.AREA_MANAGER])) {
        throw forbidden(`only the ${wo.department} department head or the site's managers may extend a deadline`);
      }
      transition(wo.status, WorkOrderAction.EXTEND);
      if (NOT_EXTENDABLE.has(c.clock)) throw invalidInput('clock', `${c.clock} cannot be extended`);
      const d = book.open(c.clock);
      if (!d) throw notFound(`open ${c.clock} deadline of work order`, wo.id);
      if (d.breachedAt || d.dueAt.getTime() <= now.getTime()) {
        throw conflict(`the ${c.clock} deadline has already passed; an extension cannot undo a breach`, 'clock');
      }
      if (c.newDueAt.getTime() <= d.dueAt.getTime()) {
        throw invalidInput('newDueAt', `must be later than the current due time ${d.dueAt.toISOString()}`);
      }
      inFuture('newDueAt', c.newDueAt, now, MAX_EXTENSION_MS);
      const toldAt = notInFuture('customerTold.at', c.customerTold.at, now);
      const extensionId = randomUUID();
      em.persist(
        em.create(Extension, {
          id: extensionId,
          workOrderId: wo.id,
          deadlineId: d.id,
          clock: d.clock,
          previousDueAt: d.dueAt,
          newDueAt: c.newDueAt,
          reason: c.reason,
          customerToldAt: toldAt,
          customerToldVia: c.customerTold.via,
          by: user.sub,
          at: now,
        }),
      );
      announceContact(events, workOrderCase(wo), {
        sourceId: extensionId,
        via: c.customerTold.via,
        answered: `The ${c.clock} deadline is extended to ${c.newDueAt.toISOString()}: ${c.reason}`,
        by: user.sub,
        at: toldAt,
      });
      d.dueAt = c.newDueAt;
      book.refresh();
    });
  }
}
