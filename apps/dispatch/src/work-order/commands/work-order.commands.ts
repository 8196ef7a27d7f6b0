import type { CauseCategory, ContactMethod, EscalationLevel, SlaClock } from '@pc/contracts';
import type { AuthUser } from '@pc/platform';

/**
 * The commands on one work order: plain data, built by the resolvers from their GraphQL input (the
 * use cases know no GraphQL type). `actor` is the verified caller; every use case loads the work order
 * through the tenant scope of the actor.
 */
interface OnWorkOrder {
  actor: AuthUser;
  workOrderId: string;
}

/** When and how the customer was reached. */
export interface CustomerContact {
  at?: Date | null;
  via: ContactMethod;
}

export interface RecordHandlingPlanCommand extends OnWorkOrder {
  plan: string;
}
export type SignOffHandlingPlanCommand = OnWorkOrder;
export interface AssignHandlerCommand extends OnWorkOrder {
  handlerId: string;
}
export interface RecordProgressCommand extends OnWorkOrder {
  note: string;
  customerInformed?: CustomerContact | null;
  /** Keys of photos uploaded with POST /attachments for the work order's site. */
  attachments?: string[];
}
export interface ReportToHeadCommand extends OnWorkOrder {
  reportedTo: string;
  at?: Date | null;
}
export interface AgreeSolutionCommand extends OnWorkOrder {
  solution: string;
  agreed: CustomerContact;
}
export interface ResolveWorkOrderCommand extends OnWorkOrder {
  resolution: string;
  cause: CauseCategory;
  causeAnalysis: string;
  preventiveAction: string;
  correctiveActionReport?: string | null;
  /** The result told to the customer (meets REPLY and FEEDBACK when still open). */
  customerInformed?: CustomerContact | null;
}
export interface ConfirmResolutionCommand extends OnWorkOrder {
  customerId: string;
  signature: string;
  at?: Date | null;
}
export type CloseWorkOrderCommand = OnWorkOrder;
export interface EscalateWorkOrderCommand extends OnWorkOrder {
  reason: string;
  /** The receiving level; the next one up when absent. */
  to?: EscalationLevel;
}
export interface ExtendDeadlineCommand extends OnWorkOrder {
  clock: SlaClock;
  newDueAt: Date;
  reason: string;
  customerTold: CustomerContact;
}
