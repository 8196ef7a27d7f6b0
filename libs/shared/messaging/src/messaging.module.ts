import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import type { HealthCheck } from '@pc/platform';
import { EventConsumers } from './consumer';
import { Housekeeping } from './housekeeping';
import { MessagingMetrics } from './metrics';
import { connectBus, ensureStream } from './nats';
import { OutboxRelay, TransactionalOutbox } from './outbox';
import { MESSAGING_OPTIONS, NATS_CONNECTION, type MessagingOptions } from './options';

@Injectable()
export class BusHealth implements HealthCheck, OnApplicationShutdown {
  readonly name = 'nats';

  constructor(@Inject(NATS_CONNECTION) private readonly nc: NatsConnection) {}

  async check(): Promise<void> {
    if (this.nc.isClosed()) throw new Error('connection closed');
    await this.nc.flush();
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.nc.isClosed()) await this.nc.drain().catch(() => this.nc.close());
  }
}

@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        {
          provide: NATS_CONNECTION,
          useFactory: async () => {
            const nc = await connectBus(options);
            await ensureStream(nc, options);
            return nc;
          },
        },
        OutboxRelay,
        TransactionalOutbox,
        EventConsumers,
        BusHealth,
        MessagingMetrics,
        Housekeeping,
      ],
      exports: [NATS_CONNECTION, MESSAGING_OPTIONS, OutboxRelay, TransactionalOutbox, EventConsumers, BusHealth, Housekeeping],
    };
  }
}
