import type { AuthUser } from '@pc/platform';

/**
 * The emergency commands (紧急事件, domain.md §3).
 * Plain data, built by the resolvers from their GraphQL input; `actor` is the verified caller.
 */
export interface ReportEmergencyCommand {
  actor: AuthUser;
  siteId: string;
  workOrderId?: string;
  description: string;
  occurredAt: Date;
  containment?: string;
}
export interface RecordEmergencyReviewCommand {
  actor: AuthUser;
  emergencyId: string;
  cause: string;
  remedy: string;
  prevention: string;
}
