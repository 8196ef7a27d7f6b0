import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { ServiceOverdue } from '@pc/contracts';
import { claimLock, type EventWriter, type TimerSource } from '@pc/messaging';
import { TimerRegistry } from '../sla/timer-registry';
import { ServiceOrder, ServiceOrderStatus } from './service-order.entity';

/**
 * The clocks of a repair work sheet, on the same durable timers as the SLA clocks: a response not
 * given by `responseDueAt`, and work not done by the time the customer was told (ETA), are each
 * marked once (at their due time) and announced (`service.overdue`).
 */
@Injectable()
export class ServiceDeadlines implements TimerSource, OnModuleInit {
  readonly name = 'repair clocks';

  constructor(private readonly registry: TimerRegistry) {}

  onModuleInit(): void {
    this.registry.register(this, 3);
  }

  async fireDue(em: EntityManager, events: EventWriter, now: Date, limit: number): Promise<number> {
    const lock = claimLock(em);
    const unanswered = await em.find(
      ServiceOrder,
      { status: ServiceOrderStatus.RECEIVED, responseDueAt: { $lte: now }, responseBreachedAt: null },
      { orderBy: { responseDueAt: 'asc' }, limit, lockMode: lock },
    );
    const room = limit - unanswered.length;
    const late =
      room > 0
        ? await em.find(
            ServiceOrder,
            { status: ServiceOrderStatus.RESPONDED, etaAt: { $lte: now }, etaBreachedAt: null },
            { orderBy: { etaAt: 'asc' }, limit: room, lockMode: lock },
          )
        : [];
    const announce = (o: ServiceOrder, clock: 'RESPONSE' | 'ETA', dueAt: Date) =>
      events.publish(ServiceOverdue, {
        orgId: o.orgId,
        siteId: o.siteId,
        serviceId: o.serviceId,
        clock,
        department: o.department,
        dueAt: dueAt.toISOString(),
      });
    for (const o of unanswered) {
      o.responseBreachedAt = o.responseDueAt;
      announce(o, 'RESPONSE', o.responseDueAt);
    }
    for (const o of late) {
      o.etaBreachedAt = o.etaAt!;
      announce(o, 'ETA', o.etaAt!);
    }
    return unanswered.length + late.length;
  }
}
