import { Inject, Injectable, Logger, BeforeApplicationShutdown } from '@nestjs/common';
import { MikroORM, UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { AckPolicy, DeliverPolicy, StringCodec, nanos, type ConsumerMessages, type JsMsg, type NatsConnection } from 'nats';
import { ContractViolationError, validatePayload, type EventContract, type EventEnvelope } from '@pc/contracts';
import { Clock, contextOf, eventsConsumed, inSpan, safeError } from '@pc/platform';
import { InboxMessage, ParkedMessage } from './entities';
import { streamName, wireSubject } from './nats';
import { EventWriter, TransactionalOutbox } from './outbox';
import { MESSAGING_OPTIONS, NATS_CONNECTION, type MessagingOptions } from './options';

const codec = StringCodec();

export interface HandlerContext {
  em: EntityManager;
  events: EventWriter;
}

export interface EventHandler<T extends object> {
  contract: EventContract<T>;
  handle(payload: T, envelope: EventEnvelope<T>, ctx: HandlerContext): Promise<void>;
}

/** Type helper so a list of handlers keeps each one's payload type. */
export const on = <T extends object>(contract: EventContract<T>, handle: EventHandler<T>['handle']): EventHandler<T> => ({
  contract,
  handle,
});

/**
 * Parses a message body and validates it against its contract (the receiving side: fields a newer
 * publisher added to the same version are dropped). Throws with a readable reason: the message is
 * then parked, never dropped.
 */
export function decodeEvent<T extends object>(body: string, contract: EventContract<T>): { envelope: EventEnvelope<T>; payload: T } {
  let envelope: EventEnvelope<T>;
  try {
    envelope = JSON.parse(body) as EventEnvelope<T>;
  } catch (e) {
    throw new Error(`malformed JSON: ${(e as Error).message}`);
  }
  if (envelope?.version !== contract.version) {
    throw new ContractViolationError(contract.subject, [
      `version ${String(envelope?.version)} is not the v${contract.version} this consumer reads`,
    ]);
  }
  return { envelope, payload: validatePayload(contract, envelope.payload, { tolerateUnknown: true }) };
}

interface Running {
  messages: ConsumerMessages;
  loop: Promise<void>;
}

/**
 * Durable JetStream consumers: one per (service, event subject). For each message: parse and
 * validate (a bad one is parked), then run the handler in a transaction that also records the
 * message id in the inbox (a redelivered message is skipped), ack only after commit. A failing
 * handler is nak'ed with a growing delay, and parked after `maxDeliver` deliveries.
 */
@Injectable()
export class EventConsumers implements BeforeApplicationShutdown {
  private readonly logger = new Logger(EventConsumers.name);
  private readonly running: Running[] = [];

  constructor(
    private readonly orm: MikroORM,
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  async start(handlers: EventHandler<object>[]): Promise<void> {
    for (const handler of handlers) {
      await this.startOne(handler);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    for (const r of this.running) await r.messages.close().catch(() => undefined);
    await Promise.all(this.running.map((r) => r.loop));
    this.running.length = 0;
  }

  durableName(contract: EventContract): string {
    return `${this.options.service}-${contract.subject.replace(/[.*>\s]/g, '_')}`;
  }

  private async startOne(handler: EventHandler<object>): Promise<void> {
    const stream = streamName(this.options.namespace);
    const durable = this.durableName(handler.contract);
    const jsm = await this.nc.jetstreamManager();
    const config = {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: wireSubject(this.options.namespace, handler.contract.subject),
      ack_wait: nanos(this.options.ackWaitMs ?? 30_000),
      max_deliver: -1, // we park ourselves after maxDeliver; the server must never drop silently
      max_ack_pending: 1000,
    };
    try {
      await jsm.consumers.info(stream, durable);
      await jsm.consumers.update(stream, durable, { ack_wait: config.ack_wait, max_ack_pending: config.max_ack_pending });
    } catch (e) {
      if (!/consumer not found/i.test((e as Error).message)) throw e;
      await jsm.consumers.add(stream, config);
    }
    const consumer = await this.nc.jetstream().consumers.get(stream, durable);
    const messages = await consumer.consume({ max_messages: 64 });
    const loop = (async () => {
      for await (const m of messages) {
        await this.process(durable, handler, m);
      }
    })().catch((e) => this.logger.error({ err: safeError(e), durable }, 'consumer loop ended with an error'));
    this.running.push({ messages, loop });
  }

  private async process(durable: string, handler: EventHandler<object>, m: JsMsg): Promise<void> {
    const messageId = m.headers?.get('Nats-Msg-Id') || `seq-${m.seq}`;
    const body = codec.decode(m.data);
    let envelope: EventEnvelope<object>;
    let payload: object;
    try {
      ({ envelope, payload } = decodeEvent(body, handler.contract));
    } catch (e) {
      await this.park(durable, m, messageId, body, (e as Error).message);
      return;
    }

    try {
      // the consumer's transaction is a span of the trace that published the message
      const parent = contextOf(m.headers?.get('traceparent') || envelope.traceparent);
      await inSpan(`${this.options.service} ${handler.contract.subject}`, 'consumer', parent, { 'messaging.consumer': durable }, () =>
        this.tx.run(async (em, events) => {
          if (await em.findOne(InboxMessage, { consumer: durable, messageId })) return;
          em.persist(em.create(InboxMessage, { consumer: durable, messageId, subject: m.subject, processedAt: this.clock.now() }));
          await handler.handle(payload, envelope, { em, events });
          await this.options.hooks?.beforeCommit?.(handler.contract.subject, messageId);
        }),
      );
      await this.options.hooks?.afterCommit?.(handler.contract.subject, messageId);
      m.ack();
      eventsConsumed.inc({ durable, outcome: 'applied' });
    } catch (e) {
      if (e instanceof UniqueConstraintViolationException && (await this.processed(durable, messageId))) {
        m.ack(); // another replica committed it first
        eventsConsumed.inc({ durable, outcome: 'duplicate' });
        return;
      }
      await retryOrPark(this.parking, durable, m, messageId, body, e as Error);
    }
  }

  private async processed(consumer: string, messageId: string): Promise<boolean> {
    return (await this.orm.em.fork().count(InboxMessage, { consumer, messageId })) > 0;
  }

  private get parking(): ParkingContext {
    return { orm: this.orm, clock: this.clock, logger: this.logger, options: this.options };
  }

  private park(consumer: string, m: JsMsg, messageId: string, body: string, reason: string): Promise<void> {
    return parkMessage(this.parking, consumer, m, messageId, body, reason);
  }
}

/** What parking and redelivery need: the service's database, clock, logger and messaging options. */
export interface ParkingContext {
  orm: MikroORM;
  clock: Clock;
  logger: Logger;
  options: MessagingOptions;
}

/** Keeps the message with its reason in `parked_message`, then terminates it; if that cannot be stored, retries later. */
export async function parkMessage(
  ctx: ParkingContext,
  consumer: string,
  m: JsMsg,
  messageId: string,
  body: string,
  reason: string,
): Promise<void> {
  try {
    await ctx.orm.em
      .fork()
      .upsert(
        ParkedMessage,
        { consumer, messageId, subject: m.subject, body, reason, deliveries: m.info.deliveryCount, parkedAt: ctx.clock.now() },
        { onConflictFields: ['consumer', 'messageId'] },
      );
    m.term(reason.slice(0, 200));
    eventsConsumed.inc({ durable: consumer, outcome: 'parked' });
    ctx.logger.warn({ consumer, messageId, subject: m.subject, reason }, 'message parked');
  } catch (e) {
    ctx.logger.error({ consumer, messageId, err: safeError(e) }, 'could not park message; will retry');
    m.nak(ctx.options.retryDelayMs ?? 1000);
  }
}

/** A handler failed: redelivered with a growing delay, parked after `maxDeliver` deliveries (never retried forever). */
export async function retryOrPark(
  ctx: ParkingContext,
  consumer: string,
  m: JsMsg,
  messageId: string,
  body: string,
  error: Error,
): Promise<void> {
  const deliveries = m.info.deliveryCount;
  const maxDeliver = ctx.options.maxDeliver ?? 5;
  if (deliveries >= maxDeliver) {
    await parkMessage(ctx, consumer, m, messageId, body, `failed ${deliveries} times; last error: ${error.message}`);
    return;
  }
  const delay = (ctx.options.retryDelayMs ?? 1000) * deliveries;
  eventsConsumed.inc({ durable: consumer, outcome: 'retried' });
  ctx.logger.warn({ consumer, messageId, deliveries, err: safeError(error) }, `handler failed; redelivery in ${delay} ms`);
  m.nak(delay);
}
