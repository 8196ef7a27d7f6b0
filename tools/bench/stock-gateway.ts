/**
 * Stock `@apollo/gateway` over the project's subgraphs, for `bench:gateway` to compare against: the
 * committed supergraph, a data source that forwards the caller's token (and the gateway's secret
 * when GATEWAY_SECRET is set), nothing else (its default
 * fetcher, plan cache and plugins). Started as its own process by the benchmark:
 *   STOCK_GATEWAY_PORT=… INTAKE_URL=… DISPATCH_URL=… CALLBACK_URL=… ANALYTICS_URL=… node -r ./tools/register.js tools/bench/stock-gateway.ts
 */
import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { SUPERGRAPH_FILE } from '@pc/gateway';
import { GATEWAY_SECRET_HEADER } from '@pc/platform';

interface Ctx {
  authorization?: string;
}

async function main(): Promise<void> {
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8'),
    buildService: ({ name, url }) =>
      new (class extends RemoteGraphQLDataSource<Ctx> {
        override willSendRequest({
          request,
          context,
        }: {
          request: { http?: { headers: { set(k: string, v: string): void } } };
          context: Ctx;
        }) {
          if (context.authorization) request.http?.headers.set('authorization', context.authorization);
          // subgraphs deployed with GATEWAY_SECRET answer only a gateway that sends it (as the project's does)
          if (process.env.GATEWAY_SECRET) request.http?.headers.set(GATEWAY_SECRET_HEADER, process.env.GATEWAY_SECRET);
        }
      })({ url: process.env[`${name.toUpperCase()}_URL`] ?? url }),
  });
  const server = new ApolloServer<Ctx>({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { port: Number(process.env.STOCK_GATEWAY_PORT), host: '127.0.0.1' },
    context: ({ req }) => Promise.resolve({ authorization: req.headers.authorization }),
  });
  process.stdout.write(`stock gateway at ${url}\n`);
}

main().catch((e) => {
  process.stderr.write(`${e?.stack ?? e}\n`);
  process.exit(1);
});
