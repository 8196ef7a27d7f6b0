import type { EntityManager } from '@mikro-orm/core';
import { AuthUser, conflict, forbidden, scopeOf } from '@pc/platform';
import { Directory } from '@pc/subgraph';
import { Callback, CallbackStatus } from './callback.entity';

/**
 * Rule "who records a callback" (domain.md §4): the callback's assignee (whoever took the case, or
 * the area manager for a major complaint), or — once it is escalated (overdue, or passed on) — the
 * area manager or the one it was passed to; never anyone who handled the case: the customer's verdict
 * on the work is not taken by the worker.
 */
export function assertMayRecord(user: AuthUser, callback: Callback): void {
  if (callback.handledBy.includes(user.sub)) {
    throw forbidden('whoever handled the case never records its callback; the assignee or the area manager does');
  }
  if (user.sub === callback.assignee) return;
  if (callback.escalatedTo && user.sub === callback.escalatedTo) return;
  if (callback.overdueAt && callback.areaManagerId && user.sub === callback.areaManagerId) return;
  const to = callback.escalatedTo ?? (callback.overdueAt ? callback.areaManagerId : null);
  const escalated = to ? ` or ${to}, to whom it was escalated` : '';
  throw forbidden(`only the callback's assignee (${callback.assignee})${escalated} records it`);
}

/**
 * An open callback of the caller's scope that the caller may record (assertMayRecord): the recorder is
 * also checked against the staff registry (an active staff user who works at the callback's site).
 */
export async function openCallback(em: EntityManager, user: AuthUser, id: string, directory: Directory): Promise<Callback> {
  const callback = await scopeOf(user).load(em, Callback, id, 'callback');
  if (callback.status !== CallbackStatus.OPEN) throw conflict(`the callback is already ${callback.status.toLowerCase()}`, 'callbackId');
  assertMayRecord(user, callback);
  await directory.staff(em, user, user.sub, { siteId: callback.siteId, as: 'callback recorder' }, 'callbackId');
  return callback;
}
