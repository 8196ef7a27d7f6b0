import { Injectable } from '@nestjs/common';
import { CallbackCompleted } from '@pc/contracts';
import { TransactionalOutbox } from '@pc/messaging';
import { AuthUser, Clock, assertSite, conflict, invalidInput, notFound } from '@pc/platform';
import { Callback } from './callback.entity';
import type { RecordCallbackInput } from './dto/record-callback.input';

/** Records the result of a callback with its four-level satisfaction (domain.md §4). */
@Injectable()
export class RecordCallback {
  constructor(
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
  ) {}

  async execute(user: AuthUser, input: RecordCallbackInput): Promise<Callback> {
    return this.tx.run(async (em, events) => {
      const callback = await em.findOne(Callback, { id: input.callbackId, orgId: user.org });
      if (!callback) throw notFound('callback', input.callbackId);
      assertSite(user, callback.siteId);
      if (callback.completedAt) throw conflict('callback is already recorded', 'callbackId');
      if (!callback.allowedMethods.includes(input.method)) {
        throw invalidInput('method', `this callback must be done by ${callback.allowedMethods.join(' or ')}`);
      }
      const now = this.clock.now();
      Object.assign(callback, {
        completedAt: now,
        method: input.method,
        satisfaction: input.satisfaction,
        notes: input.notes ?? null,
        completedBy: user.sub,
      });
      events.publish(CallbackCompleted, {
        orgId: callback.orgId,
        siteId: callback.siteId,
        complaintId: callback.complaintId,
        callbackId: callback.id,
        completedAt: now.toISOString(),
        satisfaction: input.satisfaction,
        onTime: now.getTime() <= callback.dueAt.getTime(),
      });
      return callback;
    });
  }
}
