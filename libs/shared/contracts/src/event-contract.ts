import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

/**
 * An event contract: the subject it travels on, its version and the payload class that
 * validates it. Publishers and consumers only ever name contracts, never raw subjects.
 */
export interface EventContract<T extends object = object> {
  readonly subject: string;
  readonly version: number;
  readonly payload: ClassConstructor<T>;
}

export function defineEvent<T extends object>(subject: string, version: number, payload: ClassConstructor<T>): EventContract<T> {
  return Object.freeze({ subject, version, payload });
}

/** The JSON body of every message on the bus. */
export interface EventEnvelope<T = unknown> {
  /** Unique event id; also the JetStream `Nats-Msg-Id`, so a re-publish is deduplicated. */
  id: string;
  subject: string;
  version: number;
  occurredAt: string;
  orgId: string;
  /** Who did it: the user's id (the token's `sub`), or `system` for timers and reactions to other events. */
  actor: string;
  /** The channel a case came by (filing events), for the audit trail. */
  channel?: string;
  /** W3C trace context of the request or message that caused it (also sent as the NATS header). */
  traceparent?: string;
  payload: T;
}

/** Who an event is by, and (when it applies) the channel it came through. */
export interface EventMeta {
  actor?: string;
  channel?: string;
  traceparent?: string;
}

/** The actor of events no user caused directly: timers, and reactions to other events. */
export const SYSTEM_ACTOR = 'system';

export class ContractViolationError extends Error {
  constructor(
    readonly subject: string,
    readonly reasons: string[],
  ) {
    super(`event ${subject} violates its contract: ${reasons.join('; ')}`);
    this.name = 'ContractViolationError';
  }
}

function flatten(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) => `${path}: ${m}`);
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

/**
 * Validates a payload against its contract; throws `ContractViolationError` with every reason.
 * Publishers are strict (an unknown field is a bug). Consumers read tolerantly (`tolerateUnknown`):
 * a field a newer publisher added to the same version is dropped, not a reason to park, so an
 * additive change can roll out service by service. Anything that changes or removes a field is a
 * new version.
 */
export function validatePayload<T extends object>(contract: EventContract<T>, plain: unknown, opts: { tolerateUnknown?: boolean } = {}): T {
  if (plain === null || typeof plain !== 'object' || Array.isArray(plain)) {
    throw new ContractViolationError(contract.subject, ['payload must be an object']);
  }
  const instance = plainToInstance(contract.payload, plain);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: !opts.tolerateUnknown });
  if (errors.length > 0) {
    throw new ContractViolationError(contract.subject, flatten(errors));
  }
  return instance;
}

/** The envelope of one event, its payload validated strictly (the publishing side). */
export function envelopeFor<T extends object>(
  contract: EventContract<T>,
  payload: T & { orgId: string },
  id: string,
  occurredAt: Date,
  meta: EventMeta = {},
): EventEnvelope<T> {
  return {
    id,
    subject: contract.subject,
    version: contract.version,
    occurredAt: occurredAt.toISOString(),
    orgId: payload.orgId,
    actor: meta.actor ?? SYSTEM_ACTOR,
    ...(meta.channel ? { channel: meta.channel } : {}),
    ...(meta.traceparent ? { traceparent: meta.traceparent } : {}),
    payload: validatePayload(contract, JSON.parse(JSON.stringify(payload))),
  };
}
