import type { AuthUser } from '@pc/platform';
import type { Department } from '@pc/contracts';

/**
 * The liaison-letter commands (工作联系函, domain.md §2).
 * Plain data, built by the resolvers from their GraphQL input; `actor` is the verified caller.
 */
export interface SendLiaisonLetterCommand {
  actor: AuthUser;
  workOrderId: string;
  toDepartment: Department;
  body: string;
  dueAt: Date;
}
export interface AnswerLiaisonLetterCommand {
  actor: AuthUser;
  letterId: string;
  answer: string;
}
