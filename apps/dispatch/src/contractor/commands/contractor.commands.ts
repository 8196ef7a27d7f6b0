import type { AuthUser } from '@pc/platform';
import type { ContractorResponse } from '../rectification.entity';

/**
 * The contractor commands (domain.md §3 rectification notices and fines).
 * Plain data, built by the resolvers from their GraphQL input; `actor` is the verified caller.
 */
export interface IssueRectificationNoticeCommand {
  actor: AuthUser;
  workOrderId: string;
  contractor: string;
  defect: string;
  rectifyBy: Date;
}
export interface RecordContractorResponseCommand {
  actor: AuthUser;
  noticeId: string;
  response: ContractorResponse;
  at?: Date;
}
export interface SetPenaltyAmountCommand {
  actor: AuthUser;
  penaltyId: string;
  amountYuan: number;
}
export interface SettlePenaltyCommand {
  actor: AuthUser;
  penaltyId: string;
}
