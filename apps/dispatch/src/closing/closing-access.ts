import type { EntityManager } from '@mikro-orm/core';
import { AuthUser, conflict, scopeOf } from '@pc/platform';
import { VerificationResult } from '@pc/contracts';
import { ComplaintClosure } from './closing.entity';

/** The newest closing of a complaint in the caller's scope, if any. */
export const latestClosure = (em: EntityManager, user: AuthUser, complaintId: string): Promise<ComplaintClosure | null> =>
  scopeOf(user).findOne(em, ComplaintClosure, { complaintId }, { orderBy: { closedAt: 'desc' } });

/** The complaint's current closing (closed and not sent back by the quality department); CONFLICT otherwise. */
export async function currentClosure(em: EntityManager, user: AuthUser, complaintId: string): Promise<ComplaintClosure> {
  const closure = await latestClosure(em, user, complaintId);
  if (!closure || closure.result === VerificationResult.FALLS_SHORT) {
    throw conflict(`complaint ${complaintId} is not closed: the site head closes it first (closeComplaint)`, 'complaintId');
  }
  return closure;
}
