import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IntrospectAndCompose, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloGatewayDriver, type ApolloGatewayDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Inject, Module, type MiddlewareConsumer, type NestModule, type OnApplicationShutdown } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { LoggerModule } from 'nestjs-pino';
import {
  GATEWAY_SECRET_HEADER,
  HEALTH_CHECKS,
  HealthController,
  MetricsController,
  contextOf,
  currentTraceparent,
  graphqlMetricsPlugin,
  otelContext,
  startSpan,
  ServiceConfig,
  armorProtection,
  edgeGuardPlugin,
  requestContextFactory,
  type HealthCheck,
  type AuthUser,
  type RequestContext,
  SUBGRAPH_NAMES,
  portVariable,
  type SubgraphName,
} from '@pc/platform';
import { pinoHttpOptions, tokenVerifierFor } from '@pc/subgraph';
import { ATTACHMENT_SETTINGS, AttachmentsController, type AttachmentSettings } from './attachments/attachments.controller';
import { formatGatewayError } from './gateway-errors';
import { EXPORT_SETTINGS, ExportsController, type ExportSettings } from './exports/exports.controller';
import { CONSOLE_SETTINGS, ConsoleController, consoleSettings, type ConsoleSettings } from './console/console.controller';
import { corsMiddleware, sandboxRedirect } from './console/console.middleware';
import { RESIDENT_PAGE_SETTINGS, ResidentPageController, type ResidentPageSettings } from './console/resident-page.controller';
import { NOTIFY_SETTINGS, NotificationsController, type NotifySettings } from './notifications/notifications.controller';
import { subgraphFetcher } from './subgraph-fetcher';

type SubgraphFetcher = ReturnType<typeof subgraphFetcher>;
const SUBGRAPH_FETCHER = Symbol('SUBGRAPH_FETCHER');

const CORS_ORIGINS = Symbol('CORS_ORIGINS');
export const SUPERGRAPH_FILE = join(__dirname, '..', 'supergraph.graphql');
export { SUBGRAPH_NAMES, type SubgraphName };

/** Where each subgraph answers: `<NAME>_URL`, else http://HOST:<NAME>_PORT/graphql. */
export function subgraphUrls(config: ServiceConfig, env: NodeJS.ProcessEnv = process.env): Record<SubgraphName, string> {
  return Object.fromEntries(
    SUBGRAPH_NAMES.map((n) => [n, env[`${n.toUpperCase()}_URL`] || `http://${config.HOST}:${config[portVariable(n)]}/graphql`]),
  ) as Record<SubgraphName, string>;
}

/** The gateway's request context, with the traceparent of its span for the subgraph calls. */
type TracedContext = RequestContext & { traceparent?: string };

/** A span per operation at the gateway (child of the caller's traceparent); the subgraph calls continue it. */
function gatewayTracingPlugin(): ApolloServerPlugin<TracedContext> {
  return {
    requestDidStart({ request, contextValue }) {
      const incoming = request.http?.headers.get('traceparent') ?? undefined;
      const { span, context } = startSpan(`gateway ${request.operationName ?? 'operation'}`, contextOf(incoming));
      contextValue.traceparent = otelContext.with(context, currentTraceparent);
      return Promise.resolve({
        willSendResponse() {
          span.end();
          return Promise.resolve();
        },
      });
    },
  };
}

/**
 * Forwards the caller's token (every subgraph checks it again and scopes by its claims) and, when
 * configured, the gateway's shared secret; a subgraph that does not answer in time is given up on
 * (the fetcher's timeouts).
 */
class AuthForwardingDataSource extends RemoteGraphQLDataSource<RequestContext> {
  constructor(
    url: string,
    private readonly gatewaySecret: string | undefined,
    fetcher: SubgraphFetcher,
  ) {
    super({ url, fetcher: fetcher as never });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<RequestContext>): void {
    const auth: unknown = (context as RequestContext).req?.headers.authorization;
    if (typeof auth === 'string') request.http?.headers.set('authorization', auth);
    if (this.gatewaySecret) request.http?.headers.set(GATEWAY_SECRET_HEADER, this.gatewaySecret);
    // the trace goes on to the subgraph: the gateway's own span, else the caller's traceparent as it came
    const incoming: unknown = (context as RequestContext).req?.headers.traceparent;
    const traceparent = (context as TracedContext).traceparent ?? (typeof incoming === 'string' ? incoming : undefined);
    if (traceparent) request.http?.headers.set('traceparent', traceparent);
  }
}

export interface GatewaySettings {
  config: ServiceConfig;
  urls: Record<SubgraphName, string>;
  /** Compose by introspecting the running subgraphs instead of the committed supergraph (local dev). */
  introspect?: boolean;
  /** Demo users for the console's sign-in (tests); otherwise read from CONSOLE_DEMO_USERS_FILE. */
  consoleDemoUsers?: AuthUser[];
}

@Module({})
export class GatewayAppModule implements NestModule, OnApplicationShutdown {
  constructor(
    @Inject(CONSOLE_SETTINGS) private readonly web: ConsoleSettings,
    @Inject(CORS_ORIGINS) private readonly corsOrigins: string | undefined,
    @Inject(SUBGRAPH_FETCHER) private readonly fetcher: SubgraphFetcher,
  ) {}

  /** The subgraph connections close with the gateway. */
  async onApplicationShutdown(): Promise<void> {
    await this.fetcher.close();
  }

  configure(consumer: MiddlewareConsumer): void {
    // ahead of every route, Apollo's included: CORS preflights and a browser opening /graphql
    consumer.apply(corsMiddleware(this.corsOrigins), sandboxRedirect(this.web.sandbox)).forRoutes('*');
  }

  static forRoot(s: GatewaySettings): DynamicModule {
    const { config } = s;
    const web = consoleSettings(config, s.consoleDemoUsers);

    const verifier = tokenVerifierFor(config);
    const fetcher = subgraphFetcher({ timeoutMs: config.REQUEST_TIMEOUT_MS });
    const armor = armorProtection(config);
    const gateway = s.introspect
      ? { supergraphSdl: new IntrospectAndCompose({ subgraphs: SUBGRAPH_NAMES.map((name) => ({ name, url: s.urls[name] })) }) }
      : { supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8') };
    const healthChecks: HealthCheck[] = SUBGRAPH_NAMES.map((name) => ({
      name,
      check: async () => {
        const res = await fetch(s.urls[name].replace(/\/graphql$/, '/health'), { signal: AbortSignal.timeout(2000) });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
      },
    }));
    return {
      module: GatewayAppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: pinoHttpOptions('gateway', s.config.LOG_LEVEL),
        }),
        GraphQLModule.forRoot<ApolloGatewayDriverConfig>({
          driver: ApolloGatewayDriver,
          server: {
            playground: false,
            includeStacktraceInErrorResponses: false,
            formatError: formatGatewayError,
            context: requestContextFactory(verifier),
            plugins: [
              ...armor.plugins,
              edgeGuardPlugin(config, { publicEdge: true }),
              graphqlMetricsPlugin(),
              gatewayTracingPlugin(),
              ApolloServerPluginInlineTraceDisabled(),
              ApolloServerPluginCacheControlDisabled(),
            ],
            validationRules: armor.validationRules,
          },
          gateway: {
            ...gateway,
            buildService: ({ name, url }) =>
              new AuthForwardingDataSource(s.urls[name as SubgraphName] ?? url, config.GATEWAY_SECRET, fetcher),
          },
        }),
      ],
      controllers: [
        HealthController,
        MetricsController,
        ExportsController,
        ResidentPageController,
        NotificationsController,
        AttachmentsController,
        ConsoleController,
      ],
      providers: [
        { provide: HEALTH_CHECKS, useValue: healthChecks },
        { provide: CONSOLE_SETTINGS, useValue: web },
        {
          provide: RESIDENT_PAGE_SETTINGS,
          useValue: {
            console: web,
            intakeUrl: s.urls.intake,
            gatewaySecret: config.GATEWAY_SECRET,
            timeoutMs: config.REQUEST_TIMEOUT_MS,
            limits: config,
          } satisfies ResidentPageSettings,
        },
        { provide: CORS_ORIGINS, useValue: config.CORS_ORIGINS },
        { provide: SUBGRAPH_FETCHER, useValue: fetcher },
        {
          provide: ATTACHMENT_SETTINGS,
          useValue: {
            intakeUrl: s.urls.intake,
            gatewaySecret: config.GATEWAY_SECRET,
            maxBytes: config.ATTACHMENT_MAX_BYTES,
            timeoutMs: Math.max(config.REQUEST_TIMEOUT_MS, 60_000),
          } satisfies AttachmentSettings,
        },
        { provide: NOTIFY_SETTINGS, useValue: { notifyUrl: s.urls.notify, gatewaySecret: config.GATEWAY_SECRET } satisfies NotifySettings },
        {
          provide: EXPORT_SETTINGS,
          useValue: {
            analyticsUrl: s.urls.analytics,
            intakeUrl: s.urls.intake,
            gatewaySecret: config.GATEWAY_SECRET,
            timeoutMs: config.REQUEST_TIMEOUT_MS,
          } satisfies ExportSettings,
        },
      ],
    };
  }
}
