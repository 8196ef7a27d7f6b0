import { WorkOrderStatus as S } from '@pc/contracts';
import { conflict } from '@pc/platform';

/** What can be done to a work order (domain.md §3), and from which states. */
export enum WorkOrderAction {
  WRITE_PLAN = 'write the handling plan',
  SIGN_OFF_PLAN = 'sign off the handling plan',
  ASSIGN = 'assign a handler',
  RECORD_PROGRESS = 'record progress',
  REPORT_TO_HEAD = 'report to the asset-management head',
  AGREE_SOLUTION = 'record the solution agreed with the customer',
  RESOLVE = 'resolve',
  CONFIRM = "record the customer's confirmation",
  CLOSE = 'close',
  REOPEN = 'reopen for rework',
  ESCALATE = 'escalate',
  EXTEND = 'extend a deadline',
}

const OPEN = [S.RECEIVED, S.REOPENED, S.PLANNED, S.ASSIGNED, S.IN_PROGRESS];

/**
 * The lifecycle: received → plan written and signed off (PLANNED) → handler assigned (ASSIGNED) →
 * in progress → resolved → confirmed by the customer → closed; a resolved, confirmed or closed work
 * order is reopened for rework. `to` undefined = the action keeps the status; a map = the target
 * depends on the status it starts from (and a status not named keeps itself).
 */
const TRANSITIONS: Record<WorkOrderAction, { from: readonly S[]; to?: S | Partial<Record<S, S>> }> = {
  [WorkOrderAction.WRITE_PLAN]: { from: [S.RECEIVED, S.REOPENED] },
  [WorkOrderAction.SIGN_OFF_PLAN]: { from: [S.RECEIVED, S.REOPENED], to: S.PLANNED },
  // the first assignment makes it ASSIGNED; naming another handler later keeps the status
  [WorkOrderAction.ASSIGN]: { from: [S.PLANNED, S.ASSIGNED, S.IN_PROGRESS], to: { [S.PLANNED]: S.ASSIGNED } },
  [WorkOrderAction.RECORD_PROGRESS]: { from: [S.ASSIGNED, S.IN_PROGRESS], to: S.IN_PROGRESS },
  [WorkOrderAction.REPORT_TO_HEAD]: { from: OPEN },
  [WorkOrderAction.AGREE_SOLUTION]: { from: OPEN },
  [WorkOrderAction.RESOLVE]: { from: [S.ASSIGNED, S.IN_PROGRESS], to: S.RESOLVED },
  [WorkOrderAction.CONFIRM]: { from: [S.RESOLVED], to: S.CONFIRMED },
  [WorkOrderAction.CLOSE]: { from: [S.CONFIRMED], to: S.CLOSED },
  [WorkOrderAction.REOPEN]: { from: [S.RESOLVED, S.CONFIRMED, S.CLOSED], to: S.REOPENED },
  [WorkOrderAction.ESCALATE]: { from: OPEN },
  [WorkOrderAction.EXTEND]: { from: OPEN },
};

const HINT: Partial<Record<S, string>> = {
  [S.RECEIVED]: 'the handling plan must first be written and signed off by the department head',
  [S.REOPENED]: 'the rework plan must first be written and signed off by the department head',
  [S.PLANNED]: 'a handler must first be assigned',
  [S.RESOLVED]: 'it is resolved; the customer confirms next',
  [S.CONFIRMED]: 'it is confirmed by the customer; it can only be closed',
  [S.CLOSED]: 'it is closed',
};

export const isDone = (s: S): boolean => s === S.RESOLVED || s === S.CONFIRMED || s === S.CLOSED;

export function canDo(status: S, action: WorkOrderAction): boolean {
  return TRANSITIONS[action].from.includes(status);
}

/** The status after `action`, or a CONFLICT error naming the status and what must happen first. */
export function transition(status: S, action: WorkOrderAction): S {
  if (!canDo(status, action)) {
    const hint = HINT[status] ? `: ${HINT[status]}` : '';
    throw conflict(`cannot ${action} while the work order is ${status}${hint}`, 'workOrderId');
  }
  const to = TRANSITIONS[action].to;
  if (to === undefined) return status;
  return typeof to === 'string' ? to : (to[status] ?? status);
}
