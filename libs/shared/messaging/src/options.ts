import type { BusSettings } from './nats';

export interface ConsumerHooks {
  /** Runs inside the handler's transaction, after the handler, before commit (tests only). */
  beforeCommit?(subject: string, messageId: string): Promise<void>;
  /** Runs after commit, before ack (tests only). */
  afterCommit?(subject: string, messageId: string): Promise<void>;
}

export interface MessagingOptions extends BusSettings {
  outboxPollMs: number;
  /** Pruning of published outbox rows and processed-message ids (absent: off). */
  housekeeping?: { intervalMs: number; outboxRetentionMs: number; inboxRetentionMs: number };
  /** Deliveries after which a failing message is parked (default 5). */
  maxDeliver?: number;
  /** Base delay before a failed message is redelivered; grows with each delivery (default 1 s). */
  retryDelayMs?: number;
  /** Messages of one consumer applied in one transaction at most (default 64; 1: each on its own). */
  consumerBatch?: number;
  /** How long JetStream waits for an ack before redelivering (default 30 s). */
  ackWaitMs?: number;
  hooks?: ConsumerHooks;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
export const NATS_CONNECTION = Symbol('NATS_CONNECTION');
