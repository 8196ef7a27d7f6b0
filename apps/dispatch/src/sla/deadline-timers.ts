import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { ContractorFailure, SlaBreached, SlaClock } from '@pc/contracts';
import { claimLock, type EventWriter, type TimerSource } from '@pc/messaging';
import { recordContractorFailure } from '../contractor/contractor-failure';
import { RectificationNotice } from '../contractor/rectification.entity';
import { WorkOrder } from '../work-order/work-order.entity';
import { DeadlineBook } from './deadline-book';
import { Deadline } from './deadline.entity';
import { escalate } from './escalation';

/**
 * SLA clocks that passed unmet: each is marked breached (at its due time) and fired (now) exactly
 * once, `sla.breached` is published for it, and its work order goes one level up the chain — one
 * step per work order per firing, naming every clock that passed. A contractor that did not show up
 * within 4 hours (CONTRACTOR_ARRIVAL) is fined instead.
 */
@Injectable()
export class DeadlineTimers implements TimerSource {
  readonly name = 'SLA clocks';

  async fireDue(em: EntityManager, events: EventWriter, now: Date, limit: number): Promise<number> {
    const due = await em.find(
      Deadline,
      { dueAt: { $lte: now }, firedAt: null, metAt: null, cancelledAt: null },
      { orderBy: { dueAt: 'asc' }, limit, lockMode: claimLock(em) },
    );
    if (!due.length) return 0;
    const workOrders = new Map(
      (await em.find(WorkOrder, { id: { $in: [...new Set(due.map((d) => d.workOrderId))] } })).map((w) => [w.id, w]),
    );
    const notices = new Map(
      (await em.find(RectificationNotice, { id: { $in: due.filter((d) => d.ref).map((d) => d.ref) } })).map((n) => [n.id, n]),
    );
    const breachedPerOrder = new Map<string, Deadline[]>();
    for (const d of due) {
      d.breachedAt ??= d.dueAt;
      d.firedAt = now;
      const wo = workOrders.get(d.workOrderId);
      if (!wo) continue; // cannot happen: a deadline belongs to its work order
      events.publish(SlaBreached, {
        orgId: wo.orgId,
        siteId: wo.siteId,
        complaintId: wo.complaintId,
        workOrderId: wo.id,
        department: wo.department,
        clock: d.clock,
        dueAt: d.dueAt.toISOString(),
        breachedAt: d.breachedAt.toISOString(),
      });
      if (d.clock === SlaClock.CONTRACTOR_ARRIVAL) {
        const notice = notices.get(d.ref);
        if (notice) recordContractorFailure(em, events, notice, ContractorFailure.NO_SHOW, d.dueAt);
        // the fine is the consequence; the clock waits no longer and leaves the queue's sort key
        (await DeadlineBook.of(em, wo)).cancel([SlaClock.CONTRACTOR_ARRIVAL], now, { evenIfBreached: true, ref: d.ref });
        continue;
      }
      const passed = breachedPerOrder.get(wo.id) ?? [];
      passed.push(d);
      breachedPerOrder.set(wo.id, passed);
    }
    for (const [id, clocks] of breachedPerOrder) {
      const wo = workOrders.get(id)!;
      const names = clocks.map((d) => d.clock);
      escalate(em, events, wo, { reason: `deadline passed: ${names.join(', ')}`, by: 'system', at: now, clock: names[0] });
    }
    return due.length;
  }
}
