import { NotificationKind, Role, Severity, WorkOrderStatus } from '@pc/contracts';
import { isHeadsAcknowledgement, reportedByAcknowledgement } from './head-acknowledgement';

describe("domain.md §6: the head's acknowledgement meets REPORT_TO_HEAD", () => {
  const ack = { kind: NotificationKind.MAJOR_COMPLAINT, recipientRoles: [Role.SITE_HEAD], complaintId: 'c-1' };

  it("counts the asset-management head's acknowledgement of a major-complaint message about a case", () => {
    expect(isHeadsAcknowledgement(ack)).toBe(true);
  });

  it('does not count the duty director, leadership, another kind of message or a message about no case', () => {
    expect(isHeadsAcknowledgement({ ...ack, recipientRoles: [Role.COMPLAINT_REP] })).toBe(false);
    expect(isHeadsAcknowledgement({ ...ack, recipientRoles: [Role.LEADERSHIP] })).toBe(false);
    expect(isHeadsAcknowledgement({ ...ack, kind: NotificationKind.UNACKNOWLEDGED })).toBe(false);
    expect(isHeadsAcknowledgement({ ...ack, kind: NotificationKind.DEADLINE_BREACHED })).toBe(false);
    expect(isHeadsAcknowledgement({ ...ack, complaintId: undefined })).toBe(false);
  });

  it('reports the open major work orders not yet reported; a minor, a closed or an already reported one is left as it is', () => {
    const open = { severity: Severity.MAJOR, status: WorkOrderStatus.IN_PROGRESS, reportedToHeadAt: null };
    const rows = [
      open,
      { ...open, severity: Severity.MINOR },
      { ...open, status: WorkOrderStatus.CLOSED },
      { ...open, reportedToHeadAt: new Date('2026-12-07T02:05:00Z') },
    ];
    expect(reportedByAcknowledgement(rows)).toEqual([open]);
  });
});
