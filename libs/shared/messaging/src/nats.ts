import { DiscardPolicy, RetentionPolicy, StorageType, connect, nanos, type NatsConnection, type StreamConfig } from 'nats';

export interface BusSettings {
  url: string;
  /** Prefix of the stream name and of every subject (`<ns>.complaint.filed`). */
  namespace: string;
  /** Name of the connecting service (shows in `nats server report connections`). */
  service: string;
  /** JetStream replicas of the stream: 1 on one server, 3 on a production cluster. */
  replicas?: number;
  /** Days a message is kept (the analytics rebuild replays them); 0 or absent = forever. */
  maxAgeDays?: number;
}

export const streamName = (namespace: string): string => `${namespace.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_EVENTS`;
export const wireSubject = (namespace: string, subject: string): string => `${namespace}.${subject}`;

export async function connectBus(s: BusSettings): Promise<NatsConnection> {
  return connect({
    servers: s.url.split(','),
    name: s.service,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 1000,
  });
}

/**
 * Creates the event stream, or brings an existing one to this configuration: safe to run on every
 * start of every replica; while a cluster is still electing leaders it retries for up to `waitMs`. The 2-minute duplicate window is what makes `Nats-Msg-Id` deduplicate a
 * re-published outbox row.
 */
export async function ensureStream(nc: NatsConnection, s: BusSettings, waitMs = 60_000): Promise<string> {
  // a cluster that is still electing its leaders answers with timeouts or 503s for a while: wait for it
  const until = Date.now() + waitMs;
  for (;;) {
    try {
      return await createOrUpdateStream(nc, s);
    } catch (e) {
      const retryable = /TIMEOUT|503|no responders|jetstream not (enabled|available)|insufficient resources|no suitable peers/i.test(
        `${(e as { code?: string }).code ?? ''} ${(e as Error).message}`,
      );
      if (!retryable || Date.now() > until) throw e;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

async function createOrUpdateStream(nc: NatsConnection, s: BusSettings): Promise<string> {
  const jsm = await nc.jetstreamManager({ timeout: 10_000 });
  const name = streamName(s.namespace);
  const config: Partial<StreamConfig> & { name: string } = {
    name,
    subjects: [`${s.namespace}.>`],
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    discard: DiscardPolicy.Old,
    duplicate_window: nanos(120_000),
    max_age: s.maxAgeDays ? nanos(s.maxAgeDays * 86_400_000) : 0,
    num_replicas: s.replicas ?? 1,
  };
  try {
    await jsm.streams.info(name);
    await jsm.streams.update(name, config);
  } catch (e) {
    if (!/stream not found/i.test((e as Error).message)) throw e;
    try {
      await jsm.streams.add(config);
    } catch (err) {
      // another replica created it in between
      if (!/already in use|exists/i.test((err as Error).message)) throw err;
    }
  }
  return name;
}
