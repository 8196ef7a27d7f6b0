import { ApolloFederationDriver, type ApolloFederationDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, type Provider, type Type, type INestApplication } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE, NestFactory } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { MikroORM } from '@mikro-orm/core';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { LoggerModule, Logger as PinoLogger } from 'nestjs-pino';
import { registerDomainEnums } from '@pc/contracts';
import { BusHealth, MESSAGING_ENTITIES, MessagingModule, type ConsumerHooks, type MessagingOptions } from '@pc/messaging';
import {
  AUTH_SECRET,
  Clock,
  ClockModule,
  GqlAuthGuard,
  GraphqlErrorFilter,
  HEALTH_CHECKS,
  HealthController,
  createValidationPipe,
  ormOptions,
  serviceDatabaseUrl,
  type HealthCheck,
  type PersistenceSettings,
  type ServiceConfig,
} from '@pc/platform';

/** Everything a subgraph needs to start: its config plus the test seams (clock, bus hooks). */
export interface SubgraphSettings {
  service: string;
  config: ServiceConfig & { PORT: number };
  clock?: Clock;
  /** Overrides for the bus (tests shorten ack waits and retry delays, add crash hooks). */
  messaging?: Partial<Omit<MessagingOptions, 'hooks'>> & { hooks?: ConsumerHooks };
}

/** A service's persistence: its own entities plus the outbox, inbox and parked-message tables. */
export function persistenceSettings(
  service: string,
  config: ServiceConfig,
  own: Pick<PersistenceSettings, 'entities' | 'migrations' | 'migrationsFolder'> & { databaseUrlOverride?: string },
): PersistenceSettings {
  return {
    service,
    entities: [...own.entities, ...MESSAGING_ENTITIES],
    migrations: own.migrations,
    migrationsFolder: own.migrationsFolder,
    databaseUrl: serviceDatabaseUrl(service, config, own.databaseUrlOverride),
    dataDir: config.DATA_DIR,
  };
}

/** Clock, JSON logs, the service's own database and the bus. */
export function infrastructureImports(
  s: SubgraphSettings,
  persistence: PersistenceSettings,
): Array<DynamicModule | Promise<DynamicModule>> {
  return [
    ClockModule.forRoot(s.clock),
    LoggerModule.forRoot({
      pinoHttp: {
        name: s.service,
        level: s.config.LOG_LEVEL,
        autoLogging: { ignore: (req) => req.url === '/health' },
      },
    }),
    MikroOrmModule.forRoot({ ...ormOptions(persistence), registerRequestContext: false }),
    MessagingModule.forRoot({
      url: s.config.NATS_URL,
      namespace: s.config.NATS_NAMESPACE,
      service: s.service,
      outboxPollMs: s.config.OUTBOX_POLL_MS,
      ...s.messaging,
    }),
  ];
}

/** The federated subgraph schema (code first, Federation 2); goes in the service's AppModule. */
export function subgraphGraphQL(): DynamicModule {
  registerDomainEnums();
  return GraphQLModule.forRoot<ApolloFederationDriverConfig>({
    driver: ApolloFederationDriver,
    autoSchemaFile: { federation: 2 },
    sortSchema: true,
    playground: false,
    context: ({ req }: { req: unknown }) => ({ req }),
  });
}

/** The edge every subgraph shares: token check, typed errors, input validation, health. */
export function edgeProviders(s: SubgraphSettings): Provider[] {
  return [
    { provide: AUTH_SECRET, useValue: s.config.AUTH_JWT_SECRET },
    { provide: APP_GUARD, useClass: GqlAuthGuard },
    { provide: APP_FILTER, useClass: GraphqlErrorFilter },
    { provide: APP_PIPE, useFactory: createValidationPipe },
    {
      provide: HEALTH_CHECKS,
      inject: [MikroORM, BusHealth],
      useFactory: (orm: MikroORM, bus: BusHealth): HealthCheck[] => [
        {
          name: 'database',
          check: async () => {
            const r = await orm.checkConnection();
            if (!r.ok) throw new Error(r.reason ?? 'database unreachable');
          },
        },
        bus,
      ],
    },
  ];
}

export const edgeControllers = [HealthController];

/** Creates and starts a service on `host:port` (port 0 picks a free one). */
export async function startApp(module: DynamicModule | Type, port: number, host = '127.0.0.1'): Promise<INestApplication> {
  const app = await NestFactory.create(module, { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(PinoLogger));
  await app.listen(port, host);
  return app;
}

export async function appUrl(app: INestApplication, path = '/graphql'): Promise<string> {
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return `${url}${path}`;
}
