import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import { StringCodec, headers as natsHeaders, type MsgHdrs, type NatsConnection } from 'nats';
import { envelopeFor, type EventContract, type EventEnvelope, type EventMeta } from '@pc/contracts';
import { Clock, currentTraceparent, isPostgres, safeError } from '@pc/platform';
import { OutboxEvent } from './entities';
import { wireSubject } from './nats';
import { MESSAGING_OPTIONS, NATS_CONNECTION, type MessagingOptions } from './options';

const codec = StringCodec();
/** The columns of an outbox row a relay run reads. */
interface OutboxRow {
  seq: number;
  event_id: string;
  subject: string;
  body: string;
}
/** Outbox rows claimed and published per transaction (all of them in flight at once). */
const BATCH = 500;

/** The outbox rows of one transaction, published and not yet inserted. */
interface PendingEvents {
  rows: Omit<OutboxEvent, 'seq'>[];
  written: number;
}

/** Rows per insert statement when a transaction's events are written. */
const INSERT_CHUNK = 500;

/**
 * Collects the events of one transaction; `write()` inserts them in it (many rows per statement, no
 * entity each: an outbox row is never read back by the transaction), and they are relayed after
 * commit. `TransactionalOutbox` writes them before it commits; code that makes a writer itself calls
 * `write()` before its flush.
 */
export class EventWriter {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly meta: EventMeta = {},
    private readonly pending: PendingEvents = { rows: [], written: 0 },
  ) {}

  /** The same transaction's writer with its events stamped otherwise (e.g. each filing's channel in a batch). */
  with(meta: EventMeta): EventWriter {
    return new EventWriter(this.em, this.clock, { ...this.meta, ...meta }, this.pending);
  }

  /** How many events this transaction has published. */
  get count(): number {
    return this.pending.rows.length;
  }

  /**
   * Validates the payload against its contract (a bad event fails the transaction) and keeps it for
   * the transaction, stamped with its actor (and channel).
   */
  publish<T extends object>(contract: EventContract<T>, payload: T & { orgId: string }): EventEnvelope<T> {
    // the trace of the request or message being handled continues in the event (and its NATS header)
    const meta = { ...this.meta, traceparent: this.meta.traceparent ?? currentTraceparent() };
    const envelope = envelopeFor(contract, payload, randomUUID(), this.clock.now(), meta);
    this.pending.rows.push({
      eventId: envelope.id,
      subject: contract.subject,
      body: JSON.stringify(envelope),
      createdAt: this.clock.now(),
      publishedAt: null,
      attempts: 0,
      lastError: null,
    });
    return envelope;
  }

  /** Inserts the events published since the last call, in the writer's transaction, in their order. */
  async write(): Promise<void> {
    const rows = this.pending.rows.slice(this.pending.written);
    this.pending.written = this.pending.rows.length;
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) await this.em.insertMany(OutboxEvent, rows.slice(i, i + INSERT_CHUNK));
  }
}

export type TransactionWork<R> = (em: EntityManager, events: EventWriter) => Promise<R>;

/**
 * Relays committed outbox rows to JetStream with `Nats-Msg-Id` = event id. Replicas claim rows
 * with `FOR UPDATE SKIP LOCKED`; a crash between publish and marking re-publishes the row, which
 * the stream's duplicate window drops.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private running: Promise<unknown> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly orm: MikroORM,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.poke(), this.options.outboxPollMs);
    this.timer.unref();
    this.poke();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Asks for a relay run now (coalesced with one already under way). */
  poke(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.poke();
      }
    });
  }

  /** Publishes until nothing is pending; resolves with the number published. */
  async drain(): Promise<number> {
    let total = 0;
    try {
      for (;;) {
        const n = await this.relayBatch();
        total += n;
        if (n < BATCH || this.stopped) break;
      }
    } catch (e) {
      this.logger.warn({ err: safeError(e) }, 'outbox relay failed; will retry');
    }
    return total;
  }

  /**
   * One run: claims pending rows (`FOR UPDATE SKIP LOCKED` on PostgreSQL, held until the marks
   * commit), publishes them all at once, marks the acknowledged ones in one statement. Plain rows
   * and statements, no entity per row (hydration, change sets): every event of every service goes
   * through here.
   */
  private async relayBatch(): Promise<number> {
    const js = this.nc.jetstream();
    return this.orm.em.fork().transactional(async (em) => {
      const sql = (em as SqlEntityManager).getConnection();
      const rows = await sql.execute<OutboxRow[]>(
        `select seq, event_id, subject, body from outbox_event where published_at is null order by seq limit ${BATCH}${isPostgres(em) ? ' for update skip locked' : ''}`,
        [],
        'all',
        em.getTransactionContext(),
      );
      if (!rows.length) return 0;
      // every row of the batch in flight at once (one connection keeps their order on the wire); a row whose
      // ack failed stays pending and goes again in the next run (the stream's duplicate window drops a repeat)
      const results = await Promise.allSettled(
        rows.map((row) =>
          js.publish(wireSubject(this.options.namespace, row.subject), codec.encode(row.body), {
            msgID: row.event_id,
            headers: traceHeaders(row.body),
          }),
        ),
      );
      const published: number[] = [];
      const failed = new Map<string, number[]>(); // reason → rows: one statement per reason (an outage fails them alike)
      for (const [i, r] of results.entries()) {
        const row = rows[i];
        if (r.status === 'fulfilled') {
          published.push(row.seq);
          continue;
        }
        const reason = (r.reason as Error)?.message ?? String(r.reason);
        this.logger.warn({ eventId: row.event_id, err: safeError(r.reason) }, 'publish failed; row stays pending');
        const same = failed.get(reason);
        if (same) same.push(row.seq);
        else failed.set(reason, [row.seq]);
      }
      for (const [reason, seqs] of failed) {
        await sql.execute(
          `update outbox_event set attempts = attempts + 1, last_error = ? where seq in (${seqs.map(() => '?').join(', ')})`,
          [reason, ...seqs],
          'run',
          em.getTransactionContext(),
        );
      }
      if (published.length) {
        await sql.execute(
          `update outbox_event set published_at = ? where seq in (${published.map(() => '?').join(', ')})`,
          [this.clock.now(), ...published],
          'run',
          em.getTransactionContext(),
        );
      }
      return published.length;
    });
  }
}

/** Runs a unit of work in one transaction with an event writer; relays its events after commit. */
@Injectable()
export class TransactionalOutbox {
  constructor(
    private readonly orm: MikroORM,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
  ) {}

  /** A unit of work whose events carry no user: timers and reactions to other events (actor `system`). */
  run<R>(work: TransactionWork<R>): Promise<R> {
    return this.runAs({}, work);
  }

  /** The same for a user's command: its events name the user as their actor (and the channel, when given). */
  by(actor: { sub: string } | string, extra: { channel?: string } = {}): { run<R>(work: TransactionWork<R>): Promise<R> } {
    const meta: EventMeta = { actor: typeof actor === 'string' ? actor : actor.sub, ...extra };
    return { run: (work) => this.runAs(meta, work) };
  }

  private async runAs<R>(meta: EventMeta, work: TransactionWork<R>): Promise<R> {
    let writer: EventWriter | undefined;
    const result = await this.orm.em.fork().transactional(async (em) => {
      writer = new EventWriter(em, this.clock, meta);
      const r = await work(em, writer);
      await writer.write();
      return r;
    });
    if (writer?.count) this.relay.poke();
    return result;
  }
}

/** The NATS headers of an outbox row: its envelope's `traceparent`, when it has one. */
function traceHeaders(body: string): MsgHdrs | undefined {
  const traceparent = /"traceparent":"([^"]+)"/.exec(body)?.[1];
  if (!traceparent) return undefined;
  const h = natsHeaders();
  h.set('traceparent', traceparent);
  return h;
}
