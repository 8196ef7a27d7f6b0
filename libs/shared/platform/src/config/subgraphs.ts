/**
 * The one table of subgraphs: name → canonical port. Everything that lists the services reads it:
 * the config (`<NAME>_PORT`, `<NAME>_DATABASE_URL` derived by convention), the gateway's URLs and
 * health checks, `npm start`, the test harness, the supergraph's canonical URLs and the e2e suites.
 * A new service is one line here plus its own folder (`apps/<name>`, see `docs/adding-a-service.md`).
 */
export const SUBGRAPH_PORTS = {
  intake: 4001,
  dispatch: 4002,
  callback: 4003,
  analytics: 4004,
  notify: 4005,
} as const;

/** The gateway's canonical port, beside its subgraphs'. */
export const GATEWAY_DEFAULT_PORT = 4000;

export type SubgraphName = keyof typeof SUBGRAPH_PORTS;
export const SUBGRAPH_NAMES = Object.keys(SUBGRAPH_PORTS) as SubgraphName[];

/** `intake` → `INTAKE_PORT`. */
export const portVariable = (name: SubgraphName): `${Uppercase<SubgraphName>}_PORT` =>
  `${name.toUpperCase() as Uppercase<SubgraphName>}_PORT`;
/** `intake` → `INTAKE_DATABASE_URL`. */
export const databaseUrlVariable = (name: SubgraphName): `${Uppercase<SubgraphName>}_DATABASE_URL` =>
  `${name.toUpperCase() as Uppercase<SubgraphName>}_DATABASE_URL`;

/** The settings every subgraph of the table adds to the config: its port and its own database URL. */
export type SubgraphSettings = { [K in SubgraphName as `${Uppercase<K>}_PORT`]: number } & {
  [K in SubgraphName as `${Uppercase<K>}_DATABASE_URL`]?: string;
};
