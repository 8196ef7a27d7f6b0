import { randomUUID } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { SlaClock } from '@pc/contracts';
import { ClockBreachHandlers } from '../sla/timer-registry';
import { ProgressNote } from '../work-order/work-order.entity';

/**
 * A QUALITY_HANDOVER clock that passed: `sla.breached` is published for it like any clock, but the
 * closed work order is not escalated (there is no handler left to escalate from); the lapse is noted
 * on the lead work order, and the handover, when it comes, is met late.
 */
@Injectable()
export class HandoverBreaches implements OnModuleInit {
  constructor(private readonly breaches: ClockBreachHandlers) {}

  onModuleInit(): void {
    this.breaches.register(SlaClock.QUALITY_HANDOVER, (em, _events, deadline, workOrder, now) => {
      em.persist(
        em.create(ProgressNote, {
          id: randomUUID(),
          workOrderId: workOrder.id,
          note: `The records were not handed to the quality department by ${deadline.dueAt.toISOString()} (3 days after closing).`,
          by: 'system',
          at: now,
        }),
      );
      return Promise.resolve();
    });
  }
}
