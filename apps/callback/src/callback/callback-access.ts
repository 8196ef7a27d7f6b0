import type { EntityManager } from '@mikro-orm/core';
import { AuthUser, conflict, scopeOf } from '@pc/platform';
import { Callback, CallbackStatus } from './callback.entity';

export async function openCallback(em: EntityManager, user: AuthUser, id: string): Promise<Callback> {
  const callback = await scopeOf(user).load(em, Callback, id, 'callback');
  if (callback.status !== CallbackStatus.OPEN) throw conflict(`the callback is already ${callback.status.toLowerCase()}`, 'callbackId');
  return callback;
}
