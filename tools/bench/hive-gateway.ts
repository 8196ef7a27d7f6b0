/**
 * Hive Gateway's runtime over the project's subgraphs, for `bench:gateway -- --hive` to compare
 * against: the committed supergraph (its subgraph URLs from `<NAME>_URL`), the native Rust query
 * planner of `@graphql-hive/router-runtime`, the caller's token (and the gateway's secret when
 * GATEWAY_SECRET is set) sent on to the subgraphs, everything else as it ships (its deduplication of
 * identical in-flight requests included). Started as its own process by the benchmark:
 *   HIVE_GATEWAY_PORT=… INTAKE_URL=… DISPATCH_URL=… CALLBACK_URL=… ANALYTICS_URL=… node -r ./tools/register.js tools/bench/hive-gateway.ts
 */
import { createRequire } from 'node:module';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { SUBGRAPH_NAMES, SUPERGRAPH_FILE } from '@pc/gateway';
import { GATEWAY_SECRET_HEADER } from '@pc/platform';

// Loaded without their type declarations: graphql-yoga's (which they bring) augment graphql's
// `GraphQLErrorExtensions` with an `http.headers` record, and the rest of the program builds Apollo
// Server's errors, whose `http.headers` is a Map. What this file uses of them is typed here.
interface HiveGatewayOptions {
  supergraph: string;
  unifiedGraphHandler: unknown;
  graphqlEndpoint: string;
  landingPage: boolean;
  logging: string;
  propagateHeaders: { fromClientToSubgraphs(o: { request: Request }): Record<string, string> };
}
type NodeHandler = (req: IncomingMessage, res: ServerResponse) => unknown;
const load = createRequire(__filename);
const { createGatewayRuntime } = load('@graphql-hive/gateway-runtime') as { createGatewayRuntime: (o: HiveGatewayOptions) => NodeHandler };
const { unifiedGraphHandler } = load('@graphql-hive/router-runtime') as { unifiedGraphHandler: unknown };

function supergraph(): string {
  let sdl = readFileSync(SUPERGRAPH_FILE, 'utf8');
  for (const name of SUBGRAPH_NAMES) {
    const url = process.env[`${name.toUpperCase()}_URL`];
    if (!url) continue;
    const graph = new RegExp(`(@join__graph\\(name: "${name}", url: ")[^"]*`);
    if (!graph.test(sdl)) throw new Error(`the supergraph names no subgraph ${name}`);
    sdl = sdl.replace(graph, `$1${url}`);
  }
  return sdl;
}

const secret = process.env.GATEWAY_SECRET;
const gateway = createGatewayRuntime({
  supergraph: supergraph(),
  unifiedGraphHandler,
  graphqlEndpoint: '/',
  landingPage: false,
  logging: 'error',
  propagateHeaders: {
    fromClientToSubgraphs({ request }) {
      const headers: Record<string, string> = {};
      const auth = request.headers.get('authorization');
      if (auth) headers.authorization = auth;
      if (secret) headers[GATEWAY_SECRET_HEADER] = secret;
      return headers;
    },
  },
});

// the runtime traps SIGTERM to dispose of itself and stays up; the benchmark's SIGTERM ends it
process.once('SIGTERM', () => process.exit(0));
const port = Number(process.env.HIVE_GATEWAY_PORT);
createServer((req, res) => void gateway(req, res)).listen(port, '127.0.0.1', () =>
  process.stdout.write(`hive gateway at http://127.0.0.1:${port}/\n`),
);
