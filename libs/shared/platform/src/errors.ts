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

export const invalidInput = (field: string, reason: string): DomainError =>
  new DomainError('BAD_USER_INPUT', reason, field);
export const notFound = (what: string, id: string): DomainError =>
  new DomainError('NOT_FOUND', `${what} ${id} not found`);
export const forbidden = (reason: string): DomainError => new DomainError('FORBIDDEN', reason);
export const conflict = (reason: string, field?: string): DomainError =>
  new DomainError('CONFLICT', reason, field);
export const unauthenticated = (reason: string): DomainError =>
  new DomainError('UNAUTHENTICATED', reason);

/** A time the user states (when something happened): `now` when absent, never after `now`. */
export function notInFuture(field: string, at: Date | null | undefined, now: Date): Date {
  if (!at) return now;
  if (at.getTime() > now.getTime()) throw invalidInput(field, 'must not be in the future');
  return at;
}

/** A time something is due (a deadline, a retry): strictly after `now`. */
export function inFuture(field: string, at: Date, now: Date): Date {
  if (at.getTime() <= now.getTime()) throw invalidInput(field, 'must be in the future');
  return at;
}
