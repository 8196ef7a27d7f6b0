import { ApolloFederationDriver, type ApolloFederationDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, type INestApplication, type Provider, type Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
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
  ServiceConfig,
  createValidationPipe,
  loadConfig,
  ormOptions,
  serviceDatabaseUrl,
  type HealthCheck,
  type PersistenceSettings,
  type ServiceMigrations,
} from '@pc/platform';

/** What makes one subgraph: its name, port, tables, migrations and feature modules. */
export interface SubgraphDefinition {
  service: 'intake' | 'dispatch' | 'callback' | 'analytics';
  port(config: ServiceConfig): number;
  databaseUrlOverride(config: ServiceConfig): string | undefined;
  entities: Function[];
  migrations: ServiceMigrations;
  migrationsFolder: string;
}

/** How one instance runs: config plus the test seams (clock, bus settings and crash hooks). */
export interface SubgraphRuntime {
  config: ServiceConfig;
  clock?: Clock;
  messaging?: Partial<Omit<MessagingOptions, 'hooks'>> & { hooks?: ConsumerHooks };
}

/** A service's persistence: its own entities plus the outbox, inbox and parked-message tables. */
export function subgraphPersistence(def: SubgraphDefinition, config: ServiceConfig): PersistenceSettings {
  return {
    service: def.service,
    entities: [...def.entities, ...MESSAGING_ENTITIES],
    migrations: def.migrations,
    migrationsFolder: def.migrationsFolder,
    databaseUrl: serviceDatabaseUrl(def.service, config, def.databaseUrlOverride(config)),
    dataDir: config.DATA_DIR,
  };
}

/**
 * The AppModule of a subgraph: clock, JSON logs, its own database, the bus, the federated schema
 * (code first, Federation 2), and the edge every subgraph shares (token check, typed errors,
 * input validation, `GET /health`), around the service's feature modules.
 */
export function subgraphAppModule(module: Type, def: SubgraphDefinition, rt: SubgraphRuntime, features: Type[]): DynamicModule {
  registerDomainEnums();
  const { config } = rt;
  const providers: Provider[] = [
    { provide: ServiceConfig, useValue: config },
    { provide: AUTH_SECRET, useValue: config.AUTH_JWT_SECRET },
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
  return {
    module,
    imports: [
      ClockModule.forRoot(rt.clock),
      LoggerModule.forRoot({
        pinoHttp: pinoHttpOptions(def.service, config.LOG_LEVEL),
      }),
      MikroOrmModule.forRoot({ ...ormOptions(subgraphPersistence(def, config)), registerRequestContext: false }),
      MessagingModule.forRoot({
        url: config.NATS_URL,
        namespace: config.NATS_NAMESPACE,
        service: def.service,
        outboxPollMs: config.OUTBOX_POLL_MS,
        ...rt.messaging,
      }),
      GraphQLModule.forRoot<ApolloFederationDriverConfig>({
        driver: ApolloFederationDriver,
        autoSchemaFile: { federation: 2 },
        // only this service's types: several subgraphs may share one process (tests, tools)
        include: features,
        sortSchema: true,
        playground: false,
        includeStacktraceInErrorResponses: false,
        // federated fields (Complaint.workOrders) are field resolvers: check the token there too
        fieldResolverEnhancers: ['guards', 'filters'],
        context: ({ req }: { req: unknown }) => ({ req }),
      }),
      ...features,
    ],
    controllers: [HealthController],
    providers,
    // feature modules read their settings from the one validated config
    exports: [ServiceConfig],
    global: true,
  };
}

/** JSON request logs that never contain the caller's token. */
export function pinoHttpOptions(name: string, level: string) {
  return {
    name,
    level,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
    autoLogging: { ignore: (req: { url?: string }) => req.url === '/health' },
  };
}

/** Creates and starts a Nest application on `host:port` (port 0 picks a free one). */
export async function startApp(module: DynamicModule | Type, port: number, host = '127.0.0.1'): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, { bufferLogs: true, abortOnError: false, bodyParser: false });
  app.useLogger(app.get(PinoLogger));
  app.useBodyParser('json', { limit: '1mb' });
  app.enableShutdownHooks();
  await app.listen(port, host);
  return app;
}

/**
 * Test-only fault injection, off unless `PC_FAULT_PAUSE_BEFORE_COMMIT` names an event subject: the
 * consumer of that subject then stops for good inside its transaction, after the handler and before
 * commit, and says so on stdout, so that a test can kill the process at exactly that point.
 */
function faultHooks(env: NodeJS.ProcessEnv): ConsumerHooks | undefined {
  const subject = env.PC_FAULT_PAUSE_BEFORE_COMMIT;
  if (!subject) return undefined;
  return {
    beforeCommit: async (s, messageId) => {
      if (s !== subject) return;
      process.stdout.write(`${JSON.stringify({ fault: 'paused-before-commit', subject: s, messageId })}\n`);
      await new Promise(() => undefined);
    },
  };
}

/** `main.ts` of a subgraph: reads and validates the environment, starts, logs a fatal error as JSON. */
export function runSubgraph(def: SubgraphDefinition, forRoot: (rt: SubgraphRuntime) => DynamicModule): void {
  (async () => {
    const config = loadConfig(ServiceConfig);
    const ackWaitMs = Number(process.env.NATS_ACK_WAIT_MS) || undefined;
    await startApp(forRoot({ config, messaging: { hooks: faultHooks(process.env), ackWaitMs } }), def.port(config), config.HOST);
  })().catch((e) => {
    process.stderr.write(`${JSON.stringify({ level: 'fatal', service: def.service, msg: String(e?.stack ?? e) })}\n`);
    process.exit(1);
  });
}

export async function appUrl(app: INestApplication, path = '/graphql'): Promise<string> {
  return `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}${path}`;
}
