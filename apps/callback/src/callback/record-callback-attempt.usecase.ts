import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CallbackUnreachable } from '@pc/contracts';
import { TransactionalOutbox } from '@pc/messaging';
import { Directory } from '@pc/subgraph';
import { Clock, inFuture, invalidInput } from '@pc/platform';
import { Callback, CallbackAttempt, CallbackStatus, MAX_ATTEMPTS } from './callback.entity';
import type { RecordCallbackAttemptCommand } from './commands/callback.commands';
import { openCallback } from './callback-access';

/**
 * An attempt that did not reach the customer. It needs a retry plan; after MAX_ATTEMPTS failed
 * attempts the callback is UNREACHABLE and passed to the area manager — never silently dropped.
 */
@Injectable()
export class RecordCallbackAttempt {
  constructor(
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
    private readonly directory: Directory,
  ) {}

  async execute(c: RecordCallbackAttemptCommand): Promise<Callback> {
    const { actor: user, ...input } = c;
    return this.tx.by(user).run(async (em, events) => {
      const callback = await openCallback(em, user, input.callbackId, this.directory);
      const now = this.clock.now();
      const last = callback.attempts + 1 >= MAX_ATTEMPTS;
      if (!last && !input.retryAt) throw invalidInput('retryAt', `plan the next attempt (${MAX_ATTEMPTS - callback.attempts - 1} left)`);
      if (input.retryAt) inFuture('retryAt', input.retryAt, now);
      em.persist(
        em.create(CallbackAttempt, {
          id: randomUUID(),
          callbackId: callback.id,
          method: input.method,
          note: input.note ?? null,
          by: user.sub,
          at: now,
          retryAt: last ? null : input.retryAt,
        }),
      );
      callback.attempts += 1;
      callback.nextAttemptAt = last ? null : input.retryAt;
      if (last) {
        em.assign(callback, { status: CallbackStatus.UNREACHABLE, escalatedTo: callback.areaManagerId ?? callback.assignee });
        events.publish(CallbackUnreachable, {
          orgId: callback.orgId,
          siteId: callback.siteId,
          complaintId: callback.caseId,
          callbackId: callback.id,
          kind: callback.kind,
          attempts: callback.attempts,
          escalatedTo: callback.escalatedTo!,
          at: now.toISOString(),
        });
      }
      return callback;
    });
  }
}
