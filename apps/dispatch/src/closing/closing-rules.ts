import { Satisfaction, WorkOrderStatus, type Department } from '@pc/contracts';

/** Records reach the quality department within 3 days of closing (seeds/004: 3天内应将有关记录交到质管部). */
export const QUALITY_HANDOVER_MS = 3 * 24 * 3_600_000;

export interface ClosableWorkOrder {
  department: Department;
  status: WorkOrderStatus;
  resolvedAt?: Date | null;
}

export interface CallbackOutcome {
  satisfaction: Satisfaction;
  completedAt: Date;
}

/**
 * Rule "a complaint is closed after the customer's confirmation and a callback that was not
 * dissatisfied" (domain.md §3–4, seeds/000): why it cannot be closed yet, or null when it can.
 * Every work order must carry the customer's confirmation (or be closed already); the newest callback
 * made after the last resolution must exist and must not be DISSATISFIED.
 */
export function closeRefusal(workOrders: ClosableWorkOrder[], callbacks: CallbackOutcome[]): string | null {
  if (!workOrders.length) return 'the complaint has no work orders';
  const unconfirmed = workOrders.find((w) => w.status !== WorkOrderStatus.CONFIRMED && w.status !== WorkOrderStatus.CLOSED);
  if (unconfirmed) {
    return `the customer has not confirmed the resolution of the ${unconfirmed.department} work order (${unconfirmed.status})`;
  }
  const lastResolution = Math.max(...workOrders.map((w) => w.resolvedAt?.getTime() ?? 0));
  const since = callbacks
    .filter((c) => c.completedAt.getTime() >= lastResolution)
    .sort((a, b) => b.completedAt.getTime() - a.completedAt.getTime());
  if (!since.length) return 'the customer has not been called back since the resolution';
  if (since[0].satisfaction === Satisfaction.DISSATISFIED) {
    return 'the customer was dissatisfied at the last callback: the case goes back for rework';
  }
  return null;
}
