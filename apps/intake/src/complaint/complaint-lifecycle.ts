import { ComplaintStatus as S } from '@pc/contracts';
import { conflict } from '@pc/platform';

/** What happens to a complaint record after intake (domain.md §1–§4), and from which statuses. */
export enum ComplaintAction {
  RESOLVE = 'mark it resolved',
  REOPEN = 'reopen it for rework',
  REPLY_TO_INVALID = 'record the reasoned reply to an invalid complaint',
  UPGRADE_SEVERITY = 'make it major',
  CLOSE = 'close it',
}

/**
 * The complaint's statuses: a valid complaint is OPEN until every work order is resolved (RESOLVED),
 * and OPEN again when a dissatisfied callback sends it back; an invalid one is REJECTED until its
 * reasoned reply closes it (CLOSED); one answered on the spot is RESOLVED_AT_INTAKE. A resolved one is
 * CLOSED by the site head (dispatch's `complaint.case_closed`) and OPEN again when the quality
 * department finds the handling falls short. Severity can only rise while the case is open.
 */
const TRANSITIONS: Record<ComplaintAction, { from: readonly S[]; to?: S }> = {
  [ComplaintAction.RESOLVE]: { from: [S.OPEN], to: S.RESOLVED },
  [ComplaintAction.REOPEN]: { from: [S.RESOLVED, S.CLOSED], to: S.OPEN },
  [ComplaintAction.REPLY_TO_INVALID]: { from: [S.REJECTED], to: S.CLOSED },
  [ComplaintAction.UPGRADE_SEVERITY]: { from: [S.OPEN] },
  [ComplaintAction.CLOSE]: { from: [S.RESOLVED], to: S.CLOSED },
};

export function canDoToComplaint(status: S, action: ComplaintAction): boolean {
  return TRANSITIONS[action].from.includes(status);
}

/** The status after `action`, or a CONFLICT naming the status the complaint is in. */
export function complaintTransition(status: S, action: ComplaintAction, id: string): S {
  if (!canDoToComplaint(status, action)) {
    throw conflict(`cannot ${action}: complaint ${id} is ${status}`, 'complaintId');
  }
  return TRANSITIONS[action].to ?? status;
}
