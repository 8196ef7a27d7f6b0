import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloFederationDriver, type ApolloFederationDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, type INestApplication, type Provider, type Type } from '@nestjs/common';
import { ExpressAdapter, type NestExpressApplication } from '@nestjs/platform-express';
import { APP_FILTER, APP_GUARD, APP_PIPE, NestFactory } from '@nestjs/core';
import { GraphQLISODateTime, GraphQLModule } from '@nestjs/graphql';
import { Kind } from 'graphql';
import { MikroORM } from '@mikro-orm/core';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { LoggerModule, Logger as PinoLogger } from 'nestjs-pino';
import { BusHealth, MESSAGING_ENTITIES, MessagingModule, type ConsumerHooks, type MessagingOptions } from '@pc/messaging';
import {
  Clock,
  ManualClock,
  GATEWAY_SECRET_HEADER,
  TokenVerifier,
  armorProtection,
  edgeGuardPlugin,
  formatEdgeError,
  parseStrictDateTime,
  requestContextFactory,
  secretMatches,
  ClockModule,
  GqlAuthGuard,
  GraphqlErrorFilter,
  HEALTH_CHECKS,
  HealthController,
  MetricsController,
  initTracing,
  graphqlMetricsPlugin,
  observeHttp,
  ServiceConfig,
  createValidationPipe,
  loadConfig,
  ormOptions,
  serviceDatabaseUrl,
  type EntityClass,
  type HealthCheck,
  type PersistenceSettings,
  type ServiceMigrations,
  type SubgraphName,
  databaseUrlVariable,
  portVariable,
} from '@pc/platform';
import { registerDomainEnums } from './domain-enums';
import { subgraphTracing } from './tracing-interceptor';

/** The slice of express the gateway-trust middleware needs. */
interface TrustRequest {
  header(name: string): string | undefined;
}
interface TrustResponse {
  status(code: number): { json(body: unknown): void };
}
/** An error a middleware passed on (body-parser's carry `status` and `type`). */
interface HttpError {
  status?: number;
  statusCode?: number;
  type?: string;
}
/** The slice of the express application the edge uses. */
interface ExpressLike {
  set(setting: string, value: unknown): void;
  use(...handlers: unknown[]): unknown;
}

export * from './directory';
export * from './domain-enums';

/** What makes one subgraph: its name, tables, migrations and feature modules. */
export interface SubgraphDefinition {
  /** Its row in the one table of subgraphs (SUBGRAPH_PORTS): its port and database settings follow from the name. */
  service: SubgraphName;
  entities: EntityClass[];
  migrations: ServiceMigrations;
  migrationsFolder: string;
  /** Entity types this subgraph only extends, reached by no field of its own (callback's CustomerFile). */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
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
    databaseUrl: serviceDatabaseUrl(def.service, config, config[databaseUrlVariable(def.service)]),
    dataDir: config.DATA_DIR,
  };
}

/**
 * The AppModule of a subgraph: clock, JSON logs, its own database, the bus, the federated schema
 * (code first, Federation 2), and the edge every subgraph shares (token check, typed errors,
 * input validation, `GET /health`, `GET /metrics`), around the service's feature modules.
 */
export function subgraphAppModule(module: Type, def: SubgraphDefinition, rt: SubgraphRuntime, features: Type[]): DynamicModule {
  registerDomainEnums();
  hardenDateTimeScalar();
  const { config } = rt;
  const verifier = tokenVerifierFor(config);
  const armor = armorProtection(config);
  const orm = ormOptions(subgraphPersistence(def, config));
  const tracing = subgraphTracing(def.service);
  const providers: Provider[] = [
    { provide: ServiceConfig, useValue: config },
    { provide: APP_GUARD, useClass: GqlAuthGuard },
    { provide: APP_FILTER, useClass: GraphqlErrorFilter },
    { provide: APP_PIPE, useFactory: createValidationPipe },
    ...tracing.providers,
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
      // no statement outlives DB_STATEMENT_TIMEOUT_MS: one request cannot hold the database
      MikroOrmModule.forRoot({
        ...orm,
        pool: orm.pool ? { ...orm.pool, afterCreate: statementTimeout(config.DB_STATEMENT_TIMEOUT_MS) } : undefined,
        registerRequestContext: false,
      }),
      ...tracing.imports,
      MessagingModule.forRoot({
        url: config.NATS_URL,
        namespace: config.NATS_NAMESPACE,
        maxAgeDays: config.NATS_STREAM_MAX_AGE_DAYS,
        replicas: config.NATS_STREAM_REPLICAS,
        service: def.service,
        outboxPollMs: config.OUTBOX_POLL_MS,
        consumerBatch: config.NATS_CONSUMER_BATCH,
        housekeeping: {
          intervalMs: config.HOUSEKEEPING_MS,
          outboxRetentionMs: config.OUTBOX_RETENTION_HOURS * 3_600_000,
          inboxRetentionMs: config.INBOX_RETENTION_DAYS * 86_400_000,
        },
        ...rt.messaging,
      }),
      GraphQLModule.forRoot<ApolloFederationDriverConfig>({
        driver: ApolloFederationDriver,
        autoSchemaFile: { federation: 2 },
        buildSchemaOptions: { orphanedTypes: def.orphanedTypes ?? [] },
        // one code-first subgraph per process (production, the System harness, InProcessService): its
        // type registry holds only this service's types, so no module needs to claim them (no registerIn)
        sortSchema: true,
        playground: false,
        includeStacktraceInErrorResponses: false,
        // federated fields (Complaint.workOrders) are field resolvers: check the token there too
        fieldResolverEnhancers: ['guards', 'filters'],
        // the token is verified once, here; resolvers, reference resolvers and field resolvers read ctx.user
        context: requestContextFactory(verifier, config.GATEWAY_SECRET),
        // inline traces (ftv1) serve Apollo Studio and cache hints a CDN, neither of which is here: both off
        // (cache control otherwise runs a hook on every resolved field)
        plugins: [
          ...armor.plugins,
          edgeGuardPlugin(config),
          graphqlMetricsPlugin(),
          ApolloServerPluginInlineTraceDisabled(),
          ApolloServerPluginCacheControlDisabled(),
        ],
        validationRules: armor.validationRules,
        formatError: formatEdgeError,
      }),
      ...features,
    ],
    controllers: [HealthController, MetricsController],
    providers,
    // feature modules read their settings from the one validated config
    exports: [ServiceConfig],
    global: true,
  };
}

/** The verifier of bearer tokens every edge shares: the HS256 secret and/or the OIDC issuer's JWKS. */
export function tokenVerifierFor(config: ServiceConfig): TokenVerifier {
  return new TokenVerifier({
    secret: config.AUTH_JWT_SECRET,
    jwksUrl: config.AUTH_JWKS_URL,
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_AUDIENCE,
    maxTtlSeconds: config.AUTH_MAX_TOKEN_TTL_S,
  });
}

/** knex pool hook: every new PostgreSQL connection gets its statement_timeout. */
function statementTimeout(ms: number) {
  return (conn: { query(sql: string, cb: (err: Error | null) => void): void }, done: (err: Error | null, conn: unknown) => void) => {
    conn.query(`SET statement_timeout = ${Math.floor(ms)}`, (err) => done(err, conn));
  };
}

/**
 * Nest's DateTime scalar reads dates with `new Date(...)`, which turns 2026-02-30 into 2 March; every
 * subgraph reads dates strictly instead (same scalar, so the composed schema is unchanged).
 */
function hardenDateTimeScalar(): void {
  GraphQLISODateTime.parseValue = parseStrictDateTime;
  GraphQLISODateTime.parseLiteral = (ast) => parseStrictDateTime(ast.kind === Kind.STRING ? ast.value : undefined);
}

/** JSON request logs that never contain the caller's token. */
export function pinoHttpOptions(name: string, level: string) {
  return {
    name,
    level,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', `req.headers["${GATEWAY_SECRET_HEADER}"]`], censor: '[redacted]' },
    autoLogging: { ignore: (req: { url?: string }) => req.url === '/health' || req.url === '/metrics' },
    // one line per request at debug (LOG_LEVEL=debug shows them); server errors at error. Client errors
    // (4xx) stay at debug: they are the caller's, and /metrics counts them by status
    customLogLevel: (_req: unknown, res: { statusCode: number }, err?: Error) => (err || res.statusCode >= 500 ? 'error' : 'debug'),
    // an access line per request: method, path, status and time, not every header (a cost per request, and noise)
    serializers: {
      req: (req: { id?: unknown; method?: string; url?: string }) => ({ id: req.id, method: req.method, url: req.url }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

/** What a process checks at its door, before Nest sees a request. */
export interface EdgeOptions {
  /** A subgraph's GATEWAY_SECRET: `/graphql` answers only requests carrying it, checked before the body is read. */
  gatewaySecret?: string;
  /** BODY_LIMIT_BYTES (1 MiB by default). */
  bodyLimitBytes?: number;
}

/** The edge options of a service from its config. */
export const edgeOptions = (config: ServiceConfig, subgraph: boolean): EdgeOptions => ({
  gatewaySecret: subgraph ? config.GATEWAY_SECRET : undefined,
  bodyLimitBytes: config.BODY_LIMIT_BYTES,
});

/** One GraphQL error as JSON: the only shape an error leaves a process in (no HTML page, no stack, no path). */
const jsonError = (res: TrustResponse, status: number, code: string, message: string) =>
  res.status(status).json({ errors: [{ message, extensions: { code } }] });

/** Creates and starts a Nest application on `host:port` (port 0 picks a free one). */
export async function startApp(
  module: DynamicModule | Type,
  port: number,
  host = '127.0.0.1',
  edge: EdgeOptions = {},
): Promise<INestApplication> {
  // the request timer goes first on the express stack: GraphQL's handler is mounted while Nest starts
  const adapter = new ExpressAdapter();
  const express = adapter.getInstance<ExpressLike>();
  // no ETag on answers: GraphQL POSTs are never revalidated, and hashing every body cost ~1 % of a read
  express.set('etag', false);
  express.set('x-powered-by', false);
  observeHttp(express);
  // with GATEWAY_SECRET set a subgraph answers GraphQL only to the gateway (it still verifies the user's
  // token itself); checked before the body is read, so a stranger's 20 MB costs nothing (issue 29, finding 5).
  // The same for intake's uploads and file links (`/attachments`). `/health` stays open for probes
  const secret = edge.gatewaySecret;
  if (secret) {
    express.use(['/graphql', '/attachments'], (req: TrustRequest, res: TrustResponse, next: () => void) => {
      if (secretMatches(req.header(GATEWAY_SECRET_HEADER), secret)) return next();
      jsonError(res, 403, 'FORBIDDEN', 'this service answers only the gateway');
    });
  }
  const app = await NestFactory.create<NestExpressApplication>(module, adapter, {
    bufferLogs: true,
    abortOnError: false,
    bodyParser: false,
  });
  app.useLogger(app.get(PinoLogger));
  const limit = edge.bodyLimitBytes ?? 1024 * 1024;
  app.useBodyParser('json', { limit });
  // right after the body parser: its 413 and 400 answer as GraphQL errors in JSON, in development as in
  // production (never Express's HTML page with the stack and the install's paths, nor Nest's own shape)
  express.use((err: HttpError, _req: unknown, res: TrustResponse & { headersSent?: boolean }, next: (e?: unknown) => void) => {
    if (res.headersSent) return next(err);
    const status = Number(err?.status ?? err?.statusCode) || 500;
    if (status === 413) {
      return jsonError(res, 413, 'PAYLOAD_TOO_LARGE', `request body too large: at most ${limit} bytes (BODY_LIMIT_BYTES)`);
    }
    if (status >= 400 && status < 500) {
      return jsonError(res, status, 'BAD_REQUEST', err?.type === 'entity.parse.failed' ? 'request body is not valid JSON' : 'bad request');
    }
    jsonError(res, 500, 'INTERNAL_SERVER_ERROR', 'internal error');
  });
  app.enableShutdownHooks();
  await app.listen(port, host);
  stopWhenOrphaned(app);
  return app;
}

/**
 * Under `npm start` (PC_SUPERVISOR_PID set) a service never outlives its supervisor: if the supervisor
 * is gone (killed with a signal it could not forward), the service shuts down on its own and frees
 * its port, instead of running on as an orphan.
 */
function stopWhenOrphaned(app: INestApplication): void {
  const supervisor = Number(process.env.PC_SUPERVISOR_PID);
  if (!supervisor) return;
  const timer = setInterval(() => {
    if (process.ppid === supervisor) return;
    clearInterval(timer);
    process.stderr.write(`${JSON.stringify({ level: 'warn', msg: `supervisor ${supervisor} is gone; shutting down` })}\n`);
    void app.close().finally(() => process.exit(0));
  }, 1000);
  timer.unref();
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
    initTracing(def.service);
    const ackWaitMs = Number(process.env.NATS_ACK_WAIT_MS) || undefined;
    await startApp(
      forRoot({ config, clock: ipcClock(process.env), messaging: { hooks: faultHooks(process.env), ackWaitMs } }),
      config[portVariable(def.service)],
      config.HOST,
      edgeOptions(config, true),
    );
  })().catch((e: unknown) => {
    process.stderr.write(
      `${JSON.stringify({ level: 'fatal', service: def.service, msg: e instanceof Error ? (e.stack ?? e.message) : String(e) })}\n`,
    );
    process.exit(1);
  });
}

/**
 * `npm start`'s demo history only (`PC_CLOCK=ipc`): the service's clock is set by its parent process
 * over the IPC channel (`{ clock: ISO time }`, answered with `{ clockSet }`), so that thirteen months of
 * cases go through the services' own write paths at the times they are dated. Refused in production and
 * without an IPC channel (nothing on the network can move a clock); otherwise the system clock.
 */
export function ipcClock(env: NodeJS.ProcessEnv): Clock | undefined {
  if (env.PC_CLOCK !== 'ipc') return undefined;
  if (env.NODE_ENV === 'production' || !process.send) {
    throw new Error('PC_CLOCK=ipc is for the demo history of npm start: never in production, only under a parent with an IPC channel');
  }
  const clock = new ManualClock(env.PC_CLOCK_START || new Date());
  process.on('message', (m: { clock?: string }) => {
    if (typeof m?.clock !== 'string' || Number.isNaN(Date.parse(m.clock))) return;
    clock.set(m.clock);
    process.send?.({ clockSet: m.clock });
  });
  return clock;
}

export async function appUrl(app: INestApplication, path = '/graphql'): Promise<string> {
  return `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}${path}`;
}
export * from './connections';
export * from './batch-loader';
