import { Inject, Injectable, Logger, BeforeApplicationShutdown } from '@nestjs/common';
import { MikroORM, UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { AckPolicy, DeliverPolicy, StringCodec, nanos, type ConsumerMessages, type JsMsg, type NatsConnection } from 'nats';
import { ContractViolationError, validatePayload, type EventContract, type EventEnvelope } from '@pc/contracts';
import { Clock, contextOf, eventsConsumed, inSpan, safeError } from '@pc/platform';
import { MessageBatcher } from './batcher';
import { InboxMessage, ParkedMessage } from './entities';
import { streamName, wireSubject } from './nats';
import { EventWriter, TransactionalOutbox } from './outbox';
import { MESSAGING_OPTIONS, NATS_CONNECTION, type MessagingOptions } from './options';

const codec = StringCodec();

/** Messages of one consumer applied in one transaction at most (when that many are waiting), unless configured. */
export const CONSUMER_BATCH = 64;

export interface HandlerContext {
  em: EntityManager;
  events: EventWriter;
}

export interface EventHandler<T extends object> {
  contract: EventContract<T>;
  handle(payload: T, envelope: EventEnvelope<T>, ctx: HandlerContext): Promise<void>;
  /**
   * The messages of a batch at once (optional): reads them together and writes their rows together,
   * instead of `handle` for each in turn. Same transaction, same inbox and ack rules; a batch that fails
   * goes message by message through `handle`.
   */
  handleBatch?(items: { payload: T; envelope: EventEnvelope<T> }[], ctx: HandlerContext): Promise<void>;
}

/** Type helper so a list of handlers keeps each one's payload type. */
export const on = <T extends object>(contract: EventContract<T>, handle: EventHandler<T>['handle']): EventHandler<T> => ({
  contract,
  handle,
});

/** A handler that also takes a batch of messages at once (see `EventHandler.handleBatch`). */
export const onBatch = <T extends object>(
  contract: EventContract<T>,
  handle: EventHandler<T>['handle'],
  handleBatch: NonNullable<EventHandler<T>['handleBatch']>,
): EventHandler<T> => ({ contract, handle, handleBatch });

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
  batcher: MessageBatcher<JsMsg>;
}

/** A message that met its contract, ready for its handler. */
interface Incoming {
  m: JsMsg;
  messageId: string;
  body: string;
  envelope: EventEnvelope<object>;
  payload: object;
}

/**
 * Durable JetStream consumers: one per (service, event subject). For each message: parse and
 * validate (a bad one is parked), then run the handler in a transaction that also records the
 * message id in the inbox (a redelivered message is skipped), ack only after commit. A failing
 * handler is nak'ed with a growing delay, and parked after `maxDeliver` deliveries.
 *
 * Messages waiting together (up to `consumerBatch`, NATS_CONSUMER_BATCH) share one transaction: one
 * inbox look-up and one inbox insert, one commit, each message's handler in turn on the same unit of
 * work (flushed after each, so the next handler reads what the previous one wrote) or the handler's
 * `handleBatch` for all of them at once, all acked after the commit. If anything in a batch fails,
 * nothing of it is kept and its messages are applied one by one as above, so one bad event holds up
 * none of the others and is retried or parked on its own.
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
    await Promise.all(this.running.map((r) => r.batcher.idle()));
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
    const size = this.options.consumerBatch ?? CONSUMER_BATCH;
    const messages = await consumer.consume({ max_messages: Math.max(64, 2 * size) });
    const batcher = new MessageBatcher<JsMsg>(
      size,
      (batch) => this.processBatch(durable, handler, batch),
      (e) => this.logger.error({ err: safeError(e), durable }, 'applying messages failed; they are redelivered'),
    );
    const loop = (async () => {
      for await (const m of messages) batcher.push(m);
    })().catch((e) => this.logger.error({ err: safeError(e), durable }, 'consumer loop ended with an error'));
    this.running.push({ messages, loop, batcher });
  }

  private async processBatch(durable: string, handler: EventHandler<object>, batch: JsMsg[]): Promise<void> {
    const incoming: Incoming[] = [];
    for (const m of batch) {
      const messageId = m.headers?.get('Nats-Msg-Id') || `seq-${m.seq}`;
      const body = codec.decode(m.data);
      try {
        incoming.push({ m, messageId, body, ...decodeEvent(body, handler.contract) });
      } catch (e) {
        await this.park(durable, m, messageId, body, (e as Error).message);
      }
    }
    if (incoming.length <= 1) {
      if (incoming.length) await this.process(durable, handler, incoming[0]);
      return;
    }
    let applied = 0;
    try {
      await this.tx.run(async (em, events) => {
        const done = new Set(
          (await em.find(InboxMessage, { consumer: durable, messageId: { $in: incoming.map((i) => i.messageId) } })).map(
            (i) => i.messageId,
          ),
        );
        // not applied before, nor twice in this batch
        const fresh = incoming.filter((i) => !done.has(i.messageId) && Boolean(done.add(i.messageId)));
        applied = fresh.length;
        // the batch's inbox rows in one statement (a message applied meanwhile by another replica fails it)
        if (fresh.length) {
          const processedAt = this.clock.now();
          await em.insertMany(
            InboxMessage,
            fresh.map((i) => ({ consumer: durable, messageId: i.messageId, subject: i.m.subject, processedAt })),
          );
        }
        if (handler.handleBatch && fresh.length) {
          // one span for the batch, in the trace of its first message
          await this.inTrace(durable, handler, fresh[0], async () => {
            await handler.handleBatch!(fresh, { em, events });
            for (const i of fresh) await this.options.hooks?.beforeCommit?.(handler.contract.subject, i.messageId);
          });
          return;
        }
        for (const i of fresh) {
          await this.inTrace(durable, handler, i, async () => {
            await handler.handle(i.payload, i.envelope, { em, events });
            await em.flush(); // no statement when the handler changed nothing
            // the next message starts from an empty identity map: each flush and auto-flushing query of a
            // batch would otherwise compare every entity the batch loaded before (quadratic in its size)
            em.clear();
            await this.options.hooks?.beforeCommit?.(handler.contract.subject, i.messageId);
          });
        }
      });
    } catch (e) {
      this.logger.warn({ err: safeError(e), durable, size: incoming.length }, 'batch failed; applying its messages one by one');
      for (const i of incoming) await this.process(durable, handler, i);
      return;
    }
    for (const i of incoming) {
      await this.options.hooks?.afterCommit?.(handler.contract.subject, i.messageId);
      i.m.ack();
    }
    eventsConsumed.inc({ durable, outcome: 'applied' }, applied);
    if (applied < incoming.length) eventsConsumed.inc({ durable, outcome: 'duplicate' }, incoming.length - applied);
  }

  /** The handling of a message is a span of the trace that published it. */
  private inTrace<T>(durable: string, handler: EventHandler<object>, i: Incoming, work: () => Promise<T>): Promise<T> {
    const parent = contextOf(i.m.headers?.get('traceparent') || i.envelope.traceparent);
    return inSpan(`${this.options.service} ${handler.contract.subject}`, 'consumer', parent, { 'messaging.consumer': durable }, work);
  }

  /** One message in its own transaction. */
  private async process(durable: string, handler: EventHandler<object>, i: Incoming): Promise<void> {
    const { m, messageId, body } = i;
    try {
      await this.inTrace(durable, handler, i, () =>
        this.tx.run(async (em, events) => {
          if (await em.findOne(InboxMessage, { consumer: durable, messageId })) return;
          em.persist(em.create(InboxMessage, { consumer: durable, messageId, subject: m.subject, processedAt: this.clock.now() }));
          await handler.handle(i.payload, i.envelope, { em, events });
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
