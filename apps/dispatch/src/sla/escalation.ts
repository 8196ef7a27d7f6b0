import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { EscalationLevel, WorkOrderEscalated, type SlaClock } from '@pc/contracts';
import type { EventWriter } from '@pc/messaging';
import type { Department } from '@pc/contracts';
import { Escalation } from './deadline.entity';

/** What can be escalated (a work order): who holds it now, and what the announcement names. */
export interface Escalatable {
  id: string;
  orgId: string;
  siteId: string;
  complaintId: string;
  department: Department;
  escalationLevel: EscalationLevel;
}

/** The chain of domain.md §3: handler → department head → site head → leadership. */
export const ESCALATION_CHAIN: readonly EscalationLevel[] = [
  EscalationLevel.HANDLER,
  EscalationLevel.DEPARTMENT_HEAD,
  EscalationLevel.SITE_HEAD,
  EscalationLevel.LEADERSHIP,
];

/** The level above `level`; leadership is the top and stays leadership. */
export function nextLevel(level: EscalationLevel): EscalationLevel {
  const i = ESCALATION_CHAIN.indexOf(level);
  return ESCALATION_CHAIN[Math.min(i + 1, ESCALATION_CHAIN.length - 1)];
}

export const isAbove = (a: EscalationLevel, b: EscalationLevel): boolean => ESCALATION_CHAIN.indexOf(a) > ESCALATION_CHAIN.indexOf(b);

/**
 * Passes a work order up (to the next level, or straight to `to`), records the step in its history
 * and announces it. The clocks keep running: escalation never pauses or resets a deadline.
 */
export function escalate(
  em: EntityManager,
  events: EventWriter,
  wo: Escalatable,
  step: { reason: string; by: string; at: Date; to?: EscalationLevel; clock?: SlaClock },
): Escalation {
  const from = wo.escalationLevel;
  const to = step.to ?? nextLevel(from);
  const row = em.create(Escalation, {
    id: randomUUID(),
    workOrderId: wo.id,
    fromLevel: from,
    toLevel: to,
    reason: step.reason,
    clock: step.clock ?? null,
    by: step.by,
    at: step.at,
  });
  em.persist(row);
  wo.escalationLevel = to;
  events.publish(WorkOrderEscalated, {
    orgId: wo.orgId,
    siteId: wo.siteId,
    complaintId: wo.complaintId,
    workOrderId: wo.id,
    department: wo.department,
    from,
    to,
    reason: step.reason,
    clock: step.clock,
    escalatedBy: step.by,
    escalatedAt: step.at.toISOString(),
  });
  return row;
}
