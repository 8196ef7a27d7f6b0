import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { CallbackCompleted, CallbackDissatisfied, CallbackKind, Satisfaction } from '@pc/contracts';
import { TransactionalOutbox } from '@pc/messaging';
import { AuthUser, Clock, conflict, inFuture, invalidInput, scopeOf } from '@pc/platform';
import { Callback, CallbackAttempt, CallbackStatus, MAX_ATTEMPTS } from './callback.entity';
import type { RecordCallbackAttemptInput, RecordCallbackInput } from './dto/record-callback.input';

async function openCallback(em: EntityManager, user: AuthUser, id: string): Promise<Callback> {
  const callback = await scopeOf(user).load(em, Callback, id, 'callback');
  if (callback.status !== CallbackStatus.OPEN) throw conflict(`the callback is already ${callback.status.toLowerCase()}`, 'callbackId');
  return callback;
}

/**
 * Records the result of a callback that reached the customer: method, who was reached, service
 * quality, attitude, price check, satisfaction on four levels, shortcomings, suggestions (domain.md
 * §4). A dissatisfied customer sends the case back for rework: `callback.dissatisfied`, which
 * dispatch turns into a reopened work order and a liaison letter in the area manager's name.
 */
@Injectable()
export class RecordCallback {
  constructor(
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
  ) {}

  async execute(user: AuthUser, input: RecordCallbackInput): Promise<Callback> {
    return this.tx.run(async (em, events) => {
      const callback = await openCallback(em, user, input.callbackId);
      if (!callback.allowedMethods.includes(input.method)) {
        throw invalidInput('method', `this callback must be done by ${callback.allowedMethods.join(' or ')}`);
      }
      if (callback.kind === CallbackKind.PAID_SERVICE && !input.priceCheck) {
        throw invalidInput('priceCheck', 'a paid-service callback checks the price');
      }
      const dissatisfied = input.satisfaction === Satisfaction.DISSATISFIED;
      if (dissatisfied && !input.shortcomings) throw invalidInput('shortcomings', 'say what the dissatisfied customer found lacking');
      const now = this.clock.now();
      Object.assign(callback, {
        status: CallbackStatus.DONE,
        completedAt: now,
        method: input.method,
        reached: input.reached,
        serviceQuality: input.serviceQuality,
        attitude: input.attitude,
        priceCheck: input.priceCheck ?? null,
        satisfaction: input.satisfaction,
        shortcomings: input.shortcomings ?? null,
        suggestions: input.suggestions ?? null,
        notes: input.notes ?? null,
        completedBy: user.sub,
      });
      const scope = { orgId: callback.orgId, siteId: callback.siteId, complaintId: callback.caseId };
      events.publish(CallbackCompleted, {
        ...scope,
        kind: callback.kind,
        callbackId: callback.id,
        completedAt: now.toISOString(),
        satisfaction: input.satisfaction,
        onTime: now.getTime() <= callback.dueAt.getTime(),
      });
      if (dissatisfied && callback.kind === CallbackKind.COMPLAINT) {
        callback.escalatedTo = callback.areaManagerId ?? null; // the area manager reports it (domain.md §4)
        events.publish(CallbackDissatisfied, {
          ...scope,
          callbackId: callback.id,
          at: now.toISOString(),
          shortcomings: input.shortcomings,
          areaManagerId: callback.areaManagerId ?? undefined,
        });
      }
      return callback;
    });
  }
}

/**
 * An attempt that did not reach the customer. It needs a retry plan; after MAX_ATTEMPTS failed
 * attempts the callback is UNREACHABLE and passed to the area manager — never silently dropped.
 */
@Injectable()
export class RecordCallbackAttempt {
  constructor(
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
  ) {}

  async execute(user: AuthUser, input: RecordCallbackAttemptInput): Promise<Callback> {
    return this.tx.run(async (em) => {
      const callback = await openCallback(em, user, input.callbackId);
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
      if (last) Object.assign(callback, { status: CallbackStatus.UNREACHABLE, escalatedTo: callback.areaManagerId ?? callback.assignee });
      return callback;
    });
  }
}
