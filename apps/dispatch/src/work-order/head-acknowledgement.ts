import { NotificationKind, Role, Severity, type NotificationAcknowledgedV1 } from '@pc/contracts';
import { WorkOrderAction, canDo } from './lifecycle';
import type { WorkOrder } from './work-order.entity';

/**
 * domain.md §6: "the head's acknowledgement (or the manager's recorded report) meets REPORT_TO_HEAD".
 * An acknowledgement counts when it is of a major-complaint message, by a recipient who holds the
 * asset-management head's role (SITE_HEAD), about a case; a duty director or leadership acknowledging
 * further up the ladder has not been reported to as the head.
 */
export function isHeadsAcknowledgement(ack: Pick<NotificationAcknowledgedV1, 'kind' | 'recipientRoles' | 'complaintId'>): boolean {
  return ack.kind === NotificationKind.MAJOR_COMPLAINT && ack.recipientRoles.includes(Role.SITE_HEAD) && !!ack.complaintId;
}

/** The work orders of the case that the acknowledgement reports: major, still open, not yet reported. */
export function reportedByAcknowledgement<W extends Pick<WorkOrder, 'severity' | 'status' | 'reportedToHeadAt'>>(workOrders: W[]): W[] {
  return workOrders.filter((w) => w.severity === Severity.MAJOR && !w.reportedToHeadAt && canDo(w.status, WorkOrderAction.REPORT_TO_HEAD));
}
