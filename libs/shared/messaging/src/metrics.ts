import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { ConsumerInfo, NatsConnection } from 'nats';
import { scrapeGauge } from '@pc/platform';
import { OutboxEvent, ParkedMessage } from './entities';
import { streamName } from './nats';
import { MESSAGING_OPTIONS, NATS_CONNECTION, type MessagingOptions } from './options';

/**
 * What an operator watches of the bus, read at each scrape: the outbox backlog and the age of its
 * oldest unpublished row (the relay is behind or NATS is away), the parked messages waiting for a
 * person, and each of this service's durable consumers' pending and unacknowledged messages (its lag).
 */
@Injectable()
export class MessagingMetrics implements OnModuleInit {
  constructor(
    private readonly orm: MikroORM,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  onModuleInit(): void {
    const em = () => this.orm.em.fork();
    scrapeGauge('outbox_backlog', 'Outbox rows not yet published to NATS.', [], async (set) => {
      set(await em().count(OutboxEvent, { publishedAt: null }));
    });
    scrapeGauge(
      'outbox_oldest_unpublished_age_seconds',
      'Age of the oldest outbox row not yet published (0 when none).',
      [],
      async (set) => {
        const [oldest] = await em().find(OutboxEvent, { publishedAt: null }, { orderBy: { seq: 'asc' }, limit: 1, fields: ['createdAt'] });
        set(oldest ? Math.max(0, (Date.now() - oldest.createdAt.getTime()) / 1000) : 0);
      },
    );
    scrapeGauge('parked_messages', 'Bus messages parked with a reason, waiting for a person.', [], async (set) => {
      set(await em().count(ParkedMessage, {}));
    });
    // one listing of the durable consumers serves both lag gauges of a scrape (they are collected together)
    let listing: { at: number; consumers: Promise<ConsumerInfo[]> } | undefined;
    const consumers = (): Promise<ConsumerInfo[]> => {
      if (!listing || Date.now() - listing.at > 1000) {
        const list = async () => {
          const jsm = await this.nc.jetstreamManager();
          const out: ConsumerInfo[] = [];
          for await (const c of jsm.consumers.list(streamName(this.options.namespace))) {
            if (c.name.startsWith(`${this.options.service}-`)) out.push(c);
          }
          return out;
        };
        listing = { at: Date.now(), consumers: list() };
      }
      return listing.consumers;
    };
    const lag = async (kind: 'pending' | 'ack_pending', set: (v: number, l: { durable: string }) => void) => {
      for (const c of await consumers()) set(kind === 'pending' ? c.num_pending : c.num_ack_pending, { durable: c.name });
    };
    scrapeGauge(
      'consumer_pending_messages',
      "Messages of the stream not yet delivered to this service's durable consumer (its lag).",
      ['durable'],
      (set) => lag('pending', set),
    );
    scrapeGauge(
      'consumer_ack_pending_messages',
      'Messages delivered to the durable consumer and not yet acknowledged.',
      ['durable'],
      (set) => lag('ack_pending', set),
    );
  }
}
