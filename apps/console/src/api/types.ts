/** The shapes of the console's query results (the fields api/ops.ts asks for). */
import type { ClockLike } from '../clock/countdown';

export interface WorkOrderDetail {
  id: string;
  complaintId: string;
  siteId: string;
  areaId?: string | null;
  department: string;
  status: string;
  severity: string;
  round: number;
  receivedAt: string;
  escalationLevel: string;
  plan?: string | null;
  planWrittenAt?: string | null;
  planSignedOffBy?: string | null;
  planSignedOffAt?: string | null;
  handlerId?: string | null;
  assignedAt?: string | null;
  reportedToHeadAt?: string | null;
  agreedSolution?: string | null;
  solutionAgreedAt?: string | null;
  resolvedAt?: string | null;
  resolution?: string | null;
  cause?: string | null;
  confirmedAt?: string | null;
  closedAt?: string | null;
  overdue: boolean;
  deadlines: (ClockLike & { round: number })[];
  escalations: { from: string; to: string; reason: string; clock?: string | null; by: string; at: string }[];
  progress: {
    note: string;
    by: string;
    at: string;
    customerInformedAt?: string | null;
    customerInformedVia?: string | null;
    attachments?: string[];
  }[];
  extensions: { clock: string; previousDueAt: string; newDueAt: string; reason: string; by: string; at: string }[];
  rounds: {
    round: number;
    plan?: string | null;
    handlerId?: string | null;
    resolvedAt?: string | null;
    resolution?: string | null;
    endedBy: string;
    endedAt: string;
  }[];
  complaint: {
    id: string;
    customerId: string;
    channel: string;
    category: string;
    description: string;
    attachments?: string[];
    callbacks: { id: string; round: number; status: string; satisfaction?: string | null; completedAt?: string | null }[];
  } | null;
}

export interface Letter {
  id: string;
  workOrderId: string;
  toDepartment: string;
  body: string;
  sentAt: string;
  answer?: string | null;
  overdueAt?: string | null;
}

export interface Notice {
  id: string;
  contractor: string;
  defect: string;
  issuedAt: string;
  failure?: string | null;
}

export interface Penalty {
  id: string;
  noticeId: string;
  contractor: string;
  failure: string;
  at: string;
  amountYuan?: number | null;
}

export interface Emergency {
  id: string;
  workOrderId?: string | null;
  description: string;
  reportedAt: string;
}

export interface StaffUser {
  id: string;
  name: string;
  department?: string | null;
  active: boolean;
}

/** One delivery of a message about a case (Complaint.notifications). */
export interface CaseNotification {
  recipientId: string;
  kind: string;
  channel: string;
  status: string;
  createdAt: string;
  deliveredAt: string | null;
  acknowledgedAt: string | null;
}
