import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager, Knex } from '@mikro-orm/knex';
import { AckPolicy, DeliverPolicy, StringCodec, nanos, type ConsumerMessages, type JsMsg, type NatsConnection } from 'nats';
import { EVENT_CONTRACTS, type EventContract } from '@pc/contracts';
import {
  MESSAGING_OPTIONS,
  MessageBatcher,
  NATS_CONNECTION,
  decodeEvent,
  parkMessage,
  retryOrPark,
  streamName,
  type MessagingOptions,
  type ParkingContext,
} from '@pc/messaging';
import { Clock, eventsConsumed, safeError } from '@pc/platform';
import { ReadModelStore, type IncomingEvent } from './read-model-store';

const codec = StringCodec();
const messageIdOf = (m: JsMsg): string => m.headers?.get('Nats-Msg-Id') || `seq-${m.seq}`;
const CONTRACTS = new Map<string, EventContract>(EVENT_CONTRACTS.map((c) => [c.subject, c as EventContract]));

/** Messages applied per transaction. */
export const PROJECTION_BATCH = 500;

export type Decoded = { ok: true; event: IncomingEvent } | { ok: false; reason: string };

/** A bus message → the event analytics stores, or the reason it cannot be read (it is then parked). */
export function decodeMessage(namespace: string, subject: string, body: string): Decoded {
  const bare = subject.startsWith(`${namespace}.`) ? subject.slice(namespace.length + 1) : subject;
  const contract = CONTRACTS.get(bare);
  if (!contract) return { ok: false, reason: `no event contract for subject ${bare}` };
  try {
    const { envelope, payload } = decodeEvent(body, contract);
    const p = payload as Record<string, unknown>;
    return {
      ok: true,
      event: {
        eventId: envelope.id,
        subject: bare,
        version: envelope.version,
        orgId: envelope.orgId,
        siteId: typeof p.siteId === 'string' ? p.siteId : '',
        occurredAt: envelope.occurredAt,
        actor: envelope.actor ?? 'system',
        channel: envelope.channel ?? null,
        payload: payload as Record<string, unknown>,
      },
    };
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
}

/** Applies a batch of events in one transaction: store, fold the touched cases, refresh their site-months. */
export async function applyEvents(knex: Knex, events: IncomingEvent[]): Promise<void> {
  if (!events.length) return;
  await knex.transaction(async (trx) => {
    const store = new ReadModelStore(trx);
    const cases = await store.ingest(events);
    const touched = await store.recompute(cases);
    await store.refresh(touched.values());
  });
}

export const knexOf = (orm: MikroORM): Knex => (orm.em as SqlEntityManager).getConnection().getKnex();

/**
 * The read model's one durable JetStream consumer, on every subject of the stream. Messages are
 * taken as they come and applied in batches (one transaction per batch, acked after commit); a
 * message that does not meet its contract is parked with the reason; a batch that fails is applied
 * message by message, so one bad event cannot hold up the others, and after `maxDeliver` failed
 * deliveries it is parked too.
 */
@Injectable()
export class ProjectionConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  static readonly DURABLE = 'analytics-read-model';
  private readonly logger = new Logger(ProjectionConsumer.name);
  private messages?: ConsumerMessages;
  private loop?: Promise<void>;
  private readonly batcher = new MessageBatcher<JsMsg>(
    PROJECTION_BATCH,
    (batch) => this.applyBatch(batch),
    (e) => this.logger.error({ err: safeError(e) }, 'applying events failed; the messages are redelivered'),
  );

  constructor(
    private readonly orm: MikroORM,
    private readonly clock: Clock,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const stream = streamName(this.options.namespace);
    const jsm = await this.nc.jetstreamManager();
    const durable = ProjectionConsumer.DURABLE;
    const ackWait = nanos(this.options.ackWaitMs ?? 30_000);
    try {
      await jsm.consumers.info(stream, durable);
      await jsm.consumers.update(stream, durable, { ack_wait: ackWait, max_ack_pending: 4 * PROJECTION_BATCH });
    } catch (e) {
      if (!/consumer not found/i.test((e as Error).message)) throw e;
      await jsm.consumers.add(stream, {
        durable_name: durable,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        filter_subject: `${this.options.namespace}.>`,
        ack_wait: ackWait,
        max_deliver: -1,
        max_ack_pending: 4 * PROJECTION_BATCH,
      });
    }
    await this.removeRetiredConsumers(stream);
    const consumer = await this.nc.jetstream().consumers.get(stream, durable);
    this.messages = await consumer.consume({ max_messages: 2 * PROJECTION_BATCH });
    this.loop = (async () => {
      for await (const m of this.messages!) this.batcher.push(m);
    })().catch((e) => this.logger.error({ err: safeError(e) }, 'read-model consumer ended with an error'));
  }

  /** The per-subject durables of the earlier projection (`analytics-complaint_filed`, ...) hold nothing any more. */
  private async removeRetiredConsumers(stream: string): Promise<void> {
    const jsm = await this.nc.jetstreamManager();
    for await (const c of jsm.consumers.list(stream)) {
      const name = c.config.durable_name ?? c.name;
      if (name.startsWith(`${this.options.service}-`) && name !== ProjectionConsumer.DURABLE) {
        await jsm.consumers.delete(stream, name).catch(() => undefined);
        this.logger.log({ consumer: name }, 'removed a retired consumer');
      }
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.messages?.close().catch(() => undefined);
    await this.loop;
    await this.batcher.idle();
  }

  private async applyBatch(batch: JsMsg[]): Promise<void> {
    const good: { m: JsMsg; event: IncomingEvent }[] = [];
    for (const m of batch) {
      const d = decodeMessage(this.options.namespace, m.subject, codec.decode(m.data));
      if (d.ok) good.push({ m, event: d.event });
      else await this.park(m, d.reason);
    }
    try {
      await applyEvents(
        knexOf(this.orm),
        good.map((g) => g.event),
      );
      for (const g of good) g.m.ack();
      eventsConsumed.inc({ durable: ProjectionConsumer.DURABLE, outcome: 'applied' }, good.length);
    } catch (e) {
      if (good.length === 1) return this.failed(good[0].m, e as Error);
      this.logger.warn({ err: safeError(e), size: good.length }, 'batch failed; applying its events one by one');
      for (const g of good) {
        try {
          await applyEvents(knexOf(this.orm), [g.event]);
          g.m.ack();
          eventsConsumed.inc({ durable: ProjectionConsumer.DURABLE, outcome: 'applied' });
        } catch (err) {
          await this.failed(g.m, err as Error);
        }
      }
    }
  }

  private get parking(): ParkingContext {
    return { orm: this.orm, clock: this.clock, logger: this.logger, options: this.options };
  }

  private failed(m: JsMsg, e: Error): Promise<void> {
    return retryOrPark(this.parking, ProjectionConsumer.DURABLE, m, messageIdOf(m), codec.decode(m.data), e);
  }

  private park(m: JsMsg, reason: string): Promise<void> {
    return parkMessage(this.parking, ProjectionConsumer.DURABLE, m, messageIdOf(m), codec.decode(m.data), reason);
  }
}
