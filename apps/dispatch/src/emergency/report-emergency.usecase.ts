import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EmergencyReported, EscalationLevel } from '@pc/contracts';
import { TransactionalOutbox } from '@pc/messaging';
import { Directory } from '@pc/subgraph';
import { Clock, invalidInput, notInFuture } from '@pc/platform';
import { escalate } from '../sla/escalation';
import { WorkOrderAction, canDo } from '../work-order/lifecycle';
import { loadWorkOrder } from '../work-order/work-order.access';
import { EmergencyEvent } from './emergency.entity';
import type { ReportEmergencyCommand } from './commands/emergency.commands';

/** Reports an emergency: recorded, announced, and its work order (if any) passed straight to leadership. */
@Injectable()
export class ReportEmergency {
  constructor(
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
    private readonly directory: Directory,
  ) {}

  execute(c: ReportEmergencyCommand): Promise<EmergencyEvent> {
    const { actor: user, ...input } = c;
    return this.tx.by(user).run(async (em, events) => {
      await this.directory.site(em, user, input.siteId);
      const now = this.clock.now();
      notInFuture('occurredAt', input.occurredAt, now);
      const wo = input.workOrderId ? await loadWorkOrder(em, user, input.workOrderId) : undefined;
      if (wo && wo.siteId !== input.siteId) throw invalidInput('workOrderId', `the work order belongs to site ${wo.siteId}`);
      const e = em.create(EmergencyEvent, {
        id: randomUUID(),
        orgId: user.org,
        siteId: input.siteId,
        workOrderId: wo?.id ?? null,
        description: input.description,
        occurredAt: input.occurredAt,
        reportedBy: user.sub,
        reportedAt: now,
        containment: input.containment ?? null,
      });
      em.persist(e);
      if (wo && canDo(wo.status, WorkOrderAction.ESCALATE) && wo.escalationLevel !== EscalationLevel.LEADERSHIP) {
        escalate(em, events, wo, { reason: `emergency: ${input.description}`, by: user.sub, at: now, to: EscalationLevel.LEADERSHIP });
      }
      events.publish(EmergencyReported, {
        orgId: user.org,
        siteId: input.siteId,
        emergencyId: e.id,
        workOrderId: wo?.id,
        description: input.description,
        occurredAt: input.occurredAt.toISOString(),
        reportedAt: now.toISOString(),
      });
      return e;
    });
  }
}
