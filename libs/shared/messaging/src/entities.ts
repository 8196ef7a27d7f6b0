import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/** An event written in the same transaction as the state change it announces (outbox). */
@Entity({ tableName: 'outbox_event' })
@Index({ properties: ['publishedAt', 'seq'] })
export class OutboxEvent {
  [OptionalProps]?: 'seq' | 'publishedAt' | 'attempts' | 'lastError';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  seq: number;

  @Property({ type: 'string', length: 64 })
  @Unique()
  eventId: string;

  @Property({ type: 'string', length: 200 })
  subject: string;

  /** The serialized envelope, published byte for byte. */
  @Property({ type: 'text' })
  body: string;

  @Property({ type: 'datetime' })
  createdAt: Date;

  @Property({ type: 'datetime', nullable: true })
  publishedAt?: Date | null = null;

  @Property({ type: 'integer' })
  attempts: number = 0;

  @Property({ type: 'text', nullable: true })
  lastError?: string | null = null;
}

/** One row per message a consumer has processed: redelivery after commit becomes a no-op. */
@Entity({ tableName: 'inbox_message' })
@Index({ properties: ['processedAt'] })
export class InboxMessage {
  @PrimaryKey({ type: 'string', length: 120 })
  consumer: string;

  @PrimaryKey({ type: 'string', length: 120 })
  messageId: string;

  @Property({ type: 'string', length: 200 })
  subject: string;

  @Property({ type: 'datetime' })
  processedAt: Date;
}

/** A message that failed validation or kept failing: kept with its reason, never dropped. */
@Entity({ tableName: 'parked_message' })
@Unique({ properties: ['consumer', 'messageId'] })
export class ParkedMessage {
  [OptionalProps]?: 'id';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  @Property({ type: 'string', length: 120 })
  consumer: string;

  @Property({ type: 'string', length: 120 })
  messageId: string;

  @Property({ type: 'string', length: 200 })
  subject: string;

  @Property({ type: 'text' })
  body: string;

  @Property({ type: 'text' })
  reason: string;

  @Property({ type: 'integer' })
  deliveries: number;

  @Property({ type: 'datetime' })
  parkedAt: Date;
}

export const MESSAGING_ENTITIES = [OutboxEvent, InboxMessage, ParkedMessage];
