import { Injectable } from '@nestjs/common';
import {
  CallbackCompleted,
  CallbackDissatisfied,
  CallbackKind,
  channelOf,
  ContactSource,
  CustomerContacted,
  Satisfaction,
} from '@pc/contracts';
import { TransactionalOutbox, type EventWriter } from '@pc/messaging';
import { Directory } from '@pc/subgraph';
import { Clock, invalidInput } from '@pc/platform';
import { Callback, CallbackMethod, CallbackStatus, type PriceCheck } from './callback.entity';
import type { RecordCallbackCommand } from './commands/callback.commands';
import { openCallback } from './callback-access';

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
    private readonly directory: Directory,
  ) {}

  async execute(c: RecordCallbackCommand): Promise<Callback> {
    const { actor: user, ...input } = c;
    return this.tx.by(user).run(async (em, events) => {
      const callback = await openCallback(em, user, input.callbackId, this.directory);
      if (!callback.allowedMethods.includes(input.method)) {
        throw invalidInput('method', `this callback must be done by ${callback.allowedMethods.join(' or ')}`);
      }
      if (callback.kind === CallbackKind.PAID_SERVICE && !input.priceCheck) {
        throw invalidInput('priceCheck', 'a paid-service callback checks the price');
      }
      if (input.satisfaction === Satisfaction.DISSATISFIED && !input.shortcomings) {
        throw invalidInput('shortcomings', 'say what the dissatisfied customer found lacking');
      }
      completeCallback(events, callback, { ...input, by: user.sub }, this.clock.now());
      return callback;
    });
  }
}

/** What a callback that reached the customer records (a staff member's call, or the customer's own answer on the resident page). */
export interface CallbackResult {
  method: CallbackMethod;
  reached?: string | null;
  serviceQuality?: Satisfaction | null;
  attitude?: Satisfaction | null;
  priceCheck?: PriceCheck | null;
  satisfaction: Satisfaction;
  shortcomings?: string | null;
  suggestions?: string | null;
  notes?: string | null;
  /** A staff user's id, or `resident` for the customer's own answer. */
  by: string;
}

/**
 * The callback done: its result, `callback.completed`, the contact log's entry, and for a dissatisfied
 * complaint customer `callback.dissatisfied` (dispatch reopens the case; the area manager reports it).
 */
export function completeCallback(events: EventWriter, callback: Callback, input: CallbackResult, now: Date): void {
  const dissatisfied = input.satisfaction === Satisfaction.DISSATISFIED;
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
    completedBy: input.by,
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
  // the callback is a contact with the customer: it goes into the contact log
  events.publish(CustomerContacted, {
    orgId: callback.orgId,
    siteId: callback.siteId,
    caseId: callback.caseId,
    channel: channelOf(input.method),
    asked: `${callback.kind.toLowerCase().replace('_', ' ')} callback, round ${callback.round}`,
    answered: [
      `satisfaction ${input.satisfaction}`,
      input.shortcomings && `shortcomings: ${input.shortcomings}`,
      input.suggestions && `suggestions: ${input.suggestions}`,
    ]
      .filter(Boolean)
      .join('; '),
    by: input.by,
    at: now.toISOString(),
    source: ContactSource.CALLBACK,
    sourceId: callback.id,
  });
  if (dissatisfied && callback.kind === CallbackKind.COMPLAINT) {
    callback.escalatedTo = callback.areaManagerId ?? null; // the area manager reports it (domain.md §4)
    events.publish(CallbackDissatisfied, {
      ...scope,
      callbackId: callback.id,
      at: now.toISOString(),
      shortcomings: input.shortcomings ?? undefined,
      areaManagerId: callback.areaManagerId ?? undefined,
    });
  }
}
