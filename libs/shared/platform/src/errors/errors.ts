export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT';

/**
 * A domain error: thrown by use cases, turned into a GraphQL error with `extensions.code`,
 * `extensions.field` and `extensions.reason` in one place (`GraphqlErrorFilter`).
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly reason: string,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(field ? `${field}: ${reason}` : reason);
    this.name = 'DomainError';
  }
}

export const invalidInput = (field: string, reason: string): DomainError => new DomainError('BAD_USER_INPUT', reason, field);
export const notFound = (what: string, id: string): DomainError => new DomainError('NOT_FOUND', `${what} ${id} not found`);
export const forbidden = (reason: string): DomainError => new DomainError('FORBIDDEN', reason);
export const conflict = (reason: string, field?: string): DomainError => new DomainError('CONFLICT', reason, field);
export const unauthenticated = (reason: string): DomainError => new DomainError('UNAUTHENTICATED', reason);

const DAY_MS = 86_400_000;
/** How far back a stated time may lie: records are kept two years (domain.md §5). */
export const MAX_PAST_MS = 2 * 366 * DAY_MS;
/** How far ahead a due time may lie by default: a deadline years away is a clock switched off. */
export const MAX_AHEAD_MS = 366 * DAY_MS;

/** A time the user states (when something happened): `now` when absent, never after `now`, nor older than the records kept. */
export function notInFuture(field: string, at: Date | null | undefined, now: Date, maxPastMs = MAX_PAST_MS): Date {
  if (!at) return now;
  if (at.getTime() > now.getTime()) throw invalidInput(field, 'must not be in the future');
  if (now.getTime() - at.getTime() > maxPastMs) throw invalidInput(field, `must be within the last ${Math.round(maxPastMs / DAY_MS)} days`);
  return at;
}

/** A time something is due (a deadline, a retry): strictly after `now`, and at most `maxAheadMs` after it. */
export function inFuture(field: string, at: Date, now: Date, maxAheadMs = MAX_AHEAD_MS): Date {
  if (at.getTime() <= now.getTime()) throw invalidInput(field, 'must be in the future');
  if (at.getTime() - now.getTime() > maxAheadMs) {
    throw invalidInput(field, `must be within ${Math.round(maxAheadMs / DAY_MS)} days from now`);
  }
  return at;
}
