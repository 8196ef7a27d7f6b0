import { createServer } from 'node:net';
import { GATEWAY_DEFAULT_PORT, SUBGRAPH_NAMES, SUBGRAPH_PORTS, portVariable } from '@pc/platform/subgraphs';

/** A port `npm start` wants: which service, and the variable that moves it. */
export interface WantedPort {
  service: string;
  variable: string;
  port: number;
}

/** Whether something else listens on the port (binding it fails with EADDRINUSE or EACCES). */
export function portTaken(host: string, port: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
    srv.listen({ host, port, exclusive: true }, () => srv.close(() => resolve(undefined)));
  });
}

/**
 * Issue 28: before anything starts, every port is checked; answers one line per port in use, saying
 * which service wanted it and which variable moves it (empty when all are free).
 */
export async function busyPorts(host: string, wanted: WantedPort[]): Promise<string[]> {
  const taken = await Promise.all(wanted.map(async (w) => ({ w, why: await portTaken(host, w.port) })));
  return taken
    .filter((t) => t.why)
    .map(
      ({ w, why }) =>
        `port ${w.port} on ${host} (${w.service}) is ${why === 'EADDRINUSE' ? 'in use by another program' : `not available (${why})`}: stop it, or start with ${w.variable}=<another port>`,
    );
}

/**
 * The ports `npm start` wants, from the environment as the config reads it (`HOST`, `GATEWAY_PORT`,
 * `<SERVICE>_PORT`, defaults from the one table of subgraphs). A value that is not a port is left to
 * the config's own validation, which names it.
 */
export function wantedPorts(env: NodeJS.ProcessEnv): { host: string; ports: WantedPort[] } {
  const port = (variable: string, fallback: number) => {
    const raw = env[variable];
    return raw === undefined || raw === '' ? fallback : Number(raw);
  };
  const ports: WantedPort[] = [
    ...SUBGRAPH_NAMES.map((n) => ({ service: n, variable: portVariable(n), port: port(portVariable(n), SUBGRAPH_PORTS[n]) })),
    { service: 'gateway', variable: 'GATEWAY_PORT', port: port('GATEWAY_PORT', GATEWAY_DEFAULT_PORT) },
  ];
  return { host: env.HOST || '127.0.0.1', ports: ports.filter((p) => Number.isInteger(p.port) && p.port > 0 && p.port < 65536) };
}
