import { GATEWAY_SECRET_HEADER } from '@pc/platform';

/** The gateway's secret the benches deploy their services with (it must be 32 characters or more). */
export const BENCH_SECRET = 'bench-gateway-secret-of-32-chars!';

/**
 * How a bench runs the services: as deployed (`NODE_ENV=production`, which also makes graphql-js
 * skip its development checks and has the subgraphs answer only a caller with the gateway's secret,
 * which the gateway sends and `directHeaders` gives a bench's straight requests) unless
 * `--development` is among the arguments.
 */
export function deployment(argv: readonly string[] = process.argv) {
  const production = !argv.includes('--development');
  return {
    production,
    env: (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
      ...process.env,
      ...(production ? { NODE_ENV: 'production', GATEWAY_SECRET: BENCH_SECRET } : {}),
      ...extra,
    }),
    directHeaders: (production ? { [GATEWAY_SECRET_HEADER]: BENCH_SECRET } : {}) as Record<string, string>,
  };
}
