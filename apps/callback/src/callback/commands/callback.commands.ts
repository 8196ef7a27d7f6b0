import type { AuthUser } from '@pc/platform';
import type { Satisfaction } from '@pc/contracts';
import type { CallbackMethod, PriceCheck } from '../callback.entity';

/**
 * The callback commands (回访, domain.md §4).
 * Plain data, built by the resolvers from their GraphQL input; `actor` is the verified caller.
 */
export interface RecordCallbackCommand {
  actor: AuthUser;
  callbackId: string;
  method: CallbackMethod;
  reached: string;
  serviceQuality: Satisfaction;
  attitude: Satisfaction;
  priceCheck?: PriceCheck;
  satisfaction: Satisfaction;
  shortcomings?: string;
  suggestions?: string;
  notes?: string;
}
export interface RecordCallbackAttemptCommand {
  actor: AuthUser;
  callbackId: string;
  method: CallbackMethod;
  note?: string;
  retryAt?: Date;
}
