import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { connect, StringCodec } from 'nats';
import { Client } from 'pg';
import { CustomerSaved, SiteSaved, StaffSaved, envelopeFor, type EventContract, type EventMeta } from '@pc/contracts';
import { streamName, wireSubject } from '@pc/messaging';
import { ServiceConfig, dropDatabase, loadConfig, migrate, signToken, type AuthUser, type Clock } from '@pc/platform';
import { appUrl, edgeOptions, startApp, subgraphPersistence, type SubgraphDefinition, type SubgraphRuntime } from '@pc/subgraph';

/**
 * Test and tool helpers that load no subgraph by themselves (a process may hold the code of only
 * one code-first subgraph: their GraphQL types share one registry).
 */

/**
 * An environment of its own for one test run: a fresh JWT secret, quiet logs, a NATS namespace
 * named after the run (so runs never share a stream); `databaseFor` names a fresh database per service.
 */
export function isolatedRun(base: NodeJS.ProcessEnv): { env: NodeJS.ProcessEnv; databaseFor: (service: string) => string } {
  const run = `t${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const env: NodeJS.ProcessEnv = {
    AUTH_JWT_SECRET: randomBytes(24).toString('hex'),
    LOG_LEVEL: 'warn',
    OUTBOX_POLL_MS: '200',
    // suites and benchmarks file hundreds of complaints from one token; a suite that tests the limits sets its own
    RATE_LIMIT_USER_PER_MIN: '1000000',
    RATE_LIMIT_ORG_PER_MIN: '10000000',
    // suites read the outbox to see what was published, with clocks they move by days: no pruning behind their back
    HOUSEKEEPING_MS: '0',
    // the run's own data directory (the local attachment store, SQLite files): removed by the run's close
    DATA_DIR: runDataDir(run),
    ...base,
    NATS_NAMESPACE: run,
  };
  const databaseFor = (service: string) => {
    const server = new URL(env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432');
    server.pathname = `/pc_${run}_${service}`;
    return server.toString();
  };
  return { env, databaseFor };
}

/** Where a run keeps its files when the environment names no DATA_DIR. */
export const runDataDir = (run: string): string => join(tmpdir(), `pc-run-${run}`);

/** Removes a run's NATS stream (its namespace's events). */
export async function deleteStream(config: ServiceConfig): Promise<void> {
  const nc = await connect({ servers: config.NATS_URL }).catch(() => undefined);
  if (!nc) return;
  const jsm = await nc.jetstreamManager();
  await jsm.streams.delete(streamName(config.NATS_NAMESPACE)).catch(() => undefined);
  await nc.close();
}

/** One subgraph as a test runs it in-process: its definition and its AppModule. */
export interface InProcessEntry {
  def: SubgraphDefinition;
  module(rt: SubgraphRuntime): DynamicModule;
}

export async function runSql<R>(databaseUrl: string, text: string, params: unknown[] = []): Promise<R[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as R[];
  } finally {
    await client.end();
  }
}

export async function publishEvent<T extends object>(
  config: ServiceConfig,
  contract: EventContract<T>,
  payload: T & { orgId: string },
  id: string = randomBytes(8).toString('hex'),
  meta: EventMeta & { occurredAt?: Date } = {},
): Promise<void> {
  const envelope = envelopeFor(contract, payload, id, meta.occurredAt ?? new Date(), meta);
  const nc = await connect({ servers: config.NATS_URL });
  try {
    await nc
      .jetstream()
      .publish(wireSubject(config.NATS_NAMESPACE, contract.subject), StringCodec().encode(JSON.stringify(envelope)), { msgID: id });
  } finally {
    await nc.close();
  }
}

/** GraphQL over HTTP: POSTs one operation. */
export async function postGraphql<T = any>(
  url: string,
  token: string | null,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<{ data?: T; errors?: any[] }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: T; errors?: any[] };
}

/**
 * One subgraph run inside the test process, as several replicas on one fresh database and NATS
 * namespace, with an injected clock: for tests that move time (timers, deadlines) or need
 * replicas. Only one kind of subgraph per process (their code-first schemas share a registry).
 */
export class InProcessService {
  readonly instances: INestApplication[] = [];

  private constructor(
    readonly entry: InProcessEntry,
    readonly config: ServiceConfig,
    readonly clock: Clock | undefined,
    private readonly databaseUrl: string,
  ) {}

  static async create(entry: InProcessEntry, options: { clock?: Clock; env?: NodeJS.ProcessEnv } = {}): Promise<InProcessService> {
    const name = entry.def.service;
    const { env, databaseFor } = isolatedRun({ ...process.env, ...options.env });
    const databaseUrl = databaseFor(name);
    env[`${name.toUpperCase()}_DATABASE_URL`] = databaseUrl;
    const config = loadConfig(ServiceConfig, env);
    await migrate(subgraphPersistence(entry.def, config));
    return new InProcessService(entry, config, options.clock, databaseUrl);
  }

  /** Starts one more replica; answers its GraphQL URL. */
  async start(): Promise<{ app: INestApplication; url: string }> {
    const app = await startApp(this.entry.module({ config: this.config, clock: this.clock }), 0, undefined, edgeOptions(this.config, true));
    this.instances.push(app);
    return { app, url: await appUrl(app) };
  }

  /** Stops one replica cleanly (its timers and consumers finish what they hold). */
  async stop(app: INestApplication): Promise<void> {
    await app.close();
    this.instances.splice(this.instances.indexOf(app), 1);
  }

  token(user: AuthUser): string {
    return signToken(user, this.config.AUTH_JWT_SECRET);
  }

  sql<R = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<R[]> {
    return runSql<R>(this.databaseUrl, text, params);
  }

  publish<T extends object>(
    contract: EventContract<T>,
    payload: T & { orgId: string },
    id?: string,
    meta?: EventMeta & { occurredAt?: Date },
  ): Promise<void> {
    return publishEvent(this.config, contract, payload, id, meta);
  }

  /**
   * Announces sites and customers as intake's registry would (`registry.site_saved`, `registry.customer_saved`)
   * and waits until this service's directory holds them: writes naming a site or customer check it there.
   */
  async announceRegistry(orgId: string, sites: string[], customers: { customerId: string; siteId: string }[] = []): Promise<void> {
    for (const siteId of sites) await this.publish(SiteSaved, { orgId, siteId, name: siteId, timeZone: 'Asia/Shanghai' });
    for (const c of customers) await this.publish(CustomerSaved, { orgId, ...c });
    const count = async (table: string, column: string, ids: string[]) =>
      ids.length === 0 ||
      Number((await this.sql<{ n: string }>(`select count(*) as n from ${table} where ${column} = any($1)`, [ids]))[0].n) === ids.length;
    await eventually(
      async () =>
        (await count('known_site', 'site_id', sites)) &&
        (await count(
          'known_customer',
          'customer_id',
          customers.map((c) => c.customerId),
        )),
      20_000,
      `the ${this.entry.def.service} directory`,
    );
  }

  /** Announces staff users as intake's registry would (`registry.staff_saved`) and waits until this service's directory holds them. */
  async announceStaff(users: AuthUser[]): Promise<void> {
    for (const u of users) {
      await this.publish(StaffSaved, {
        orgId: u.org,
        staffId: u.sub,
        roles: u.roles,
        department: u.department,
        sites: u.sites,
        active: true,
      });
    }
    const ids = users.map((u) => u.sub);
    await eventually(
      async () => {
        return (
          Number((await this.sql<{ n: string }>(`select count(*) as n from known_staff where staff_id = any($1)`, [ids]))[0].n) ===
          ids.length
        );
      },
      20_000,
      `the ${this.entry.def.service} staff directory`,
    );
  }

  async close(): Promise<void> {
    for (const app of [...this.instances]) await this.stop(app).catch(() => undefined);
    await deleteStream(this.config);
    await dropDatabase(this.databaseUrl).catch(() => undefined);
  }
}

/**
 * Polls until `check` returns a value (not undefined/false/null) or the timeout passes. The timeout
 * is a ceiling, not a speed check (a passing check returns at once): on a loaded 2-core CI machine a
 * whole system per jest worker can take far longer than on a quiet one, so the default is generous.
 */
export async function eventually<T>(
  check: () => Promise<T | undefined | false | null>,
  timeoutMs = 30_000,
  what = 'condition',
  failFast = false,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined && v !== false && v !== null) return v;
    } catch (e) {
      if (failFast) throw e;
      last = e;
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
