import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { SlaBreached } from '@pc/contracts';
import { slaBreaches, timerLateness } from '@pc/platform';
import { claimLock, type EventWriter, type TimerSource } from '@pc/messaging';
import { Deadline } from '../sla/deadline.entity';
import { escalate } from '../sla/escalation';
import { ClockBreachHandlers, TimerRegistry } from '../sla/timer-registry';
import { WorkOrder } from './work-order.entity';

/**
 * SLA clocks of work orders that passed unmet: each is marked breached (at its due time) and fired
 * (now) exactly once, `sla.breached` is published for it, and its work order goes one level up the
 * chain — one step per work order per firing, naming every clock that passed. A clock with a
 * consequence of its own (a contractor's arrival: the fine) is handed to the feature that owns it.
 */
@Injectable()
export class DeadlineBreaches implements TimerSource, OnModuleInit {
  readonly name = 'SLA clocks';

  constructor(
    private readonly registry: TimerRegistry,
    private readonly handlers: ClockBreachHandlers,
  ) {}

  onModuleInit(): void {
    this.registry.register(this, 0);
  }

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
    const breachedPerOrder = new Map<string, Deadline[]>();
    for (const d of due) {
      d.breachedAt ??= d.dueAt;
      d.firedAt = now;
      timerLateness.observe({ source: this.name }, Math.max(0, (now.getTime() - d.dueAt.getTime()) / 1000));
      const wo = workOrders.get(d.workOrderId);
      if (!wo) continue; // cannot happen: a deadline belongs to its work order
      slaBreaches.inc({ clock: d.clock, department: wo.department });
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
      const own = this.handlers.for(d.clock);
      if (own) {
        await own(em, events, d, wo, now);
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
