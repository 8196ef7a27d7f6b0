import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IntrospectAndCompose, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloGatewayDriver, type ApolloGatewayDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { LoggerModule } from 'nestjs-pino';
import { HEALTH_CHECKS, HealthController, ServiceConfig, bearerToken, verifyToken, type HealthCheck } from '@pc/platform';
import { pinoHttpOptions } from '@pc/subgraph';
import { formatGatewayError } from './gateway-errors';

export const SUPERGRAPH_FILE = join(__dirname, '..', 'supergraph.graphql');
export const SUBGRAPH_NAMES = ['intake', 'dispatch', 'callback', 'analytics'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

/** Where each subgraph answers: `<NAME>_URL`, else http://HOST:<NAME>_PORT/graphql. */
export function subgraphUrls(config: ServiceConfig, env: NodeJS.ProcessEnv = process.env): Record<SubgraphName, string> {
  const port = { intake: config.INTAKE_PORT, dispatch: config.DISPATCH_PORT, callback: config.CALLBACK_PORT, analytics: config.ANALYTICS_PORT };
  return Object.fromEntries(
    SUBGRAPH_NAMES.map((n) => [n, env[`${n.toUpperCase()}_URL`] || `http://${config.HOST}:${port[n]}/graphql`]),
  ) as Record<SubgraphName, string>;
}

/** Forwards the caller's token: every subgraph checks it again and scopes by its claims. */
type GatewayContext = { req?: { headers: Record<string, string | string[] | undefined> } };

class AuthForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const auth = context.req?.headers.authorization;
    if (typeof auth === 'string') request.http?.headers.set('authorization', auth);
  }
}

export interface GatewaySettings {
  config: ServiceConfig;
  urls: Record<SubgraphName, string>;
  /** Compose by introspecting the running subgraphs instead of the committed supergraph (local dev). */
  introspect?: boolean;
}

@Module({})
export class GatewayAppModule {
  static forRoot(s: GatewaySettings): DynamicModule {
    const secret = s.config.AUTH_JWT_SECRET;
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
            context: async ({ req }: { req: { headers: Record<string, string | string[] | undefined> } }) => {
              try {
                return { req, user: verifyToken(bearerToken(req.headers.authorization), secret) };
              } catch (e) {
                throw new GraphQLError((e as Error).message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
              }
            },
          },
          gateway: {
            ...gateway,
            buildService: ({ name, url }) => new AuthForwardingDataSource({ url: s.urls[name as SubgraphName] ?? url }),
          },
        }),
      ],
      controllers: [HealthController],
      providers: [{ provide: HEALTH_CHECKS, useValue: healthChecks }],
    };
  }
}
