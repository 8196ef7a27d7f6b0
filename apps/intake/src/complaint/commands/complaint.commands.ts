import type { AuthUser } from '@pc/platform';
import type { Category, Channel, Circumstance, Department } from '@pc/contracts';

/**
 * The intake commands (客户投诉记录表, domain.md §1–§2).
 * Plain data, built by the resolvers from their GraphQL input; `actor` is the verified caller.
 */
export interface FileComplaintCommand {
  actor: AuthUser;
  siteId: string;
  unitId?: string;
  areaId?: string;
  location?: string;
  customerId?: string;
  customerName?: string;
  customerPhone?: string;
  channel: Channel;
  category: Category;
  description: string;
  receivedAt?: Date;
  requestedReplyBy?: Date;
  serious?: boolean;
  urgent?: boolean;
  circumstances?: Circumstance[];
  receivedBy?: string;
  attachments?: string[];
  valid?: boolean;
  invalidReason?: string;
  resolution?: string;
  repeatOf?: string;
  coDepartments?: Department[];
  idempotencyKey?: string;
}
export interface RecordInvalidReplyCommand {
  actor: AuthUser;
  complaintId: string;
  reply: string;
  repliedVia: Channel;
  repliedAt?: Date;
  approvedBy?: string;
}
