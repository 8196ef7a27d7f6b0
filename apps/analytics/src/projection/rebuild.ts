import type { Knex } from '@mikro-orm/knex';
import { StringCodec, type NatsConnection } from 'nats';
import { streamName } from '@pc/messaging';
import { decodeMessage } from './projection.consumer';
import { ReadModelStore, STREAM_TABLES, isPostgresKnex, type IncomingEvent } from './read-model-store';

const codec = StringCodec();

export interface RebuildProgress {
  phase: 'replay' | 'fold' | 'aggregate';
  done: number;
  total: number;
  /** Items per second so far in this phase. */
  rate: number;
  /** Seconds left in this phase at that rate. */
  etaSeconds: number | null;
}

export interface RebuildResult {
  events: number;
  parked: { subject: string; reason: string }[];
  cases: number;
  siteMonths: number;
  seconds: number;
  eventsPerSecond: number;
  /** Seconds spent replaying (storing the events), folding the cases and aggregating the site-months. */
  phases: { replay: number; fold: number; aggregate: number };
}

export interface RebuildOptions {
  /** Events stored per transaction while replaying. */
  batch?: number;
  onProgress?(p: RebuildProgress): void;
}

const progress = (phase: RebuildProgress['phase'], done: number, total: number, started: number): RebuildProgress => {
  const seconds = (Date.now() - started) / 1000;
  const rate = seconds > 0 ? done / seconds : 0;
  return { phase, done, total, rate, etaSeconds: rate > 0 ? Math.max(0, (total - done) / rate) : null };
};

/**
 * Drops the read model and builds it again from the whole stream: an ordered consumer replays every
 * message from the first one; the events are stored (batch after batch), then each case is folded
 * once from all its events, then every site-month is aggregated. The same store code as the live
 * projection, so the result equals the live read model. Submissions, the case library and product
 * suggestions (written by people in analytics, not from the stream) are kept.
 */
export async function rebuildReadModel(
  db: Knex,
  nc: NatsConnection,
  namespace: string,
  options: RebuildOptions = {},
): Promise<RebuildResult> {
  const started = Date.now();
  const batchSize = options.batch ?? 2000;
  for (const table of STREAM_TABLES) await db(table).delete();

  const stream = streamName(namespace);
  const jsm = await nc.jetstreamManager();
  const info = await jsm.streams.info(stream);
  const last = info.state.last_seq;
  const total = info.state.messages;
  const parked: RebuildResult['parked'] = [];
  let events = 0;
  if (total > 0) {
    const consumer = await nc.jetstream().consumers.get(stream); // ordered, from the first message
    const messages = await consumer.consume({ max_messages: batchSize * 2 });
    let batch: IncomingEvent[] = [];
    // up to two batches are written while the next is read and checked: node and PostgreSQL work at once
    const inFlight = new Set<Promise<void>>();
    let failure: Error | undefined;
    const flush = async () => {
      if (!batch.length) return;
      const rows = batch;
      batch = [];
      const write = db
        .transaction((trx) => new ReadModelStore(trx).ingest(rows))
        .then(() => {
          events += rows.length;
          options.onProgress?.(progress('replay', events + parked.length, total, started));
        })
        .catch((e: unknown) => void (failure ??= e instanceof Error ? e : new Error('writing a batch failed')))
        .finally(() => inFlight.delete(write));
      inFlight.add(write);
      if (inFlight.size >= 2) await Promise.race(inFlight);
      if (failure) throw failure;
    };
    for await (const m of messages) {
      const d = decodeMessage(namespace, m.subject, codec.decode(m.data));
      if (d.ok) batch.push(d.event);
      else parked.push({ subject: m.subject, reason: d.reason });
      if (batch.length >= batchSize) await flush();
      if (m.seq >= last || m.info.pending === 0) break;
    }
    await flush();
    await Promise.all(inFlight);
    if (failure) throw failure;
    await messages.close();
  }

  // fresh statistics, or the planner would scan whole tables for what the indexes find (emptied tables look empty)
  const analyze = async (tables: string[]) => {
    if (isPostgresKnex(db)) await db.raw(`analyze ${tables.join(', ')}`);
  };
  await analyze(['analytics_event']);
  const foldStarted = Date.now();
  const cases = ((await db('analytics_event').distinct('case_id').orderBy('case_id')) as { case_id: string }[]).map((r) => r.case_id);
  const CASES_PER_TX = 1000;
  // two transactions at a time, on disjoint cases
  let next = 0;
  let folded = 0;
  const worker = async () => {
    while (next < cases.length) {
      const part = cases.slice(next, (next += CASES_PER_TX));
      await db.transaction((trx) => new ReadModelStore(trx).recompute(part, undefined, true));
      folded += part.length;
      options.onProgress?.(progress('fold', folded, cases.length, foldStarted));
    }
  };
  await Promise.all([worker(), worker()]);

  await analyze(STREAM_TABLES.filter((t) => t !== 'analytics_event'));
  const aggStarted = Date.now();
  const keys = await new ReadModelStore(db).allSiteMonths();
  const KEYS_PER_TX = 200;
  for (let i = 0; i < keys.length; i += KEYS_PER_TX) {
    await db.transaction((trx) => new ReadModelStore(trx).refresh(keys.slice(i, i + KEYS_PER_TX)));
    options.onProgress?.(progress('aggregate', Math.min(keys.length, i + KEYS_PER_TX), keys.length, aggStarted));
  }
  const seconds = (Date.now() - started) / 1000;
  return {
    events,
    parked,
    cases: cases.length,
    siteMonths: keys.length,
    seconds,
    eventsPerSecond: seconds > 0 ? events / seconds : events,
    phases: {
      replay: (foldStarted - started) / 1000,
      fold: (aggStarted - foldStarted) / 1000,
      aggregate: (Date.now() - aggStarted) / 1000,
    },
  };
}
