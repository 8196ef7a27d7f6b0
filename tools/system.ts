import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { EventContract } from '@pc/contracts';
import { GatewayAppModule, SUBGRAPH_NAMES, type SubgraphName } from '@pc/gateway';
import { INTAKE, seedRegistry, type RegistryDataset } from '@pc/intake';
import { ServiceConfig, dropDatabase, loadConfig, migrate, ormOptions, signToken, type AuthUser } from '@pc/platform';
import { appUrl, startApp, subgraphPersistence, edgeOptions } from '@pc/subgraph';
import { SERVICES } from './services';
import { deleteStream, eventually, isolatedRun, postGraphql, publishEvent, runSql } from './harness';
import { runtimeFrom, serviceArgs, type Runtime } from './process-command';

export { eventually } from './harness';

const ROOT = join(__dirname, '..');

export interface SystemOptions {
  /** Base environment (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** Extra environment per service (e.g. fault injection). */
  serviceEnv?: Partial<Record<SubgraphName, NodeJS.ProcessEnv>>;
  /** Fresh PostgreSQL databases per run, dropped on close (default true). false = as configured. */
  freshDatabases?: boolean;
  /** Extra node flags per service (e.g. `--cpu-prof` for a benchmark). */
  nodeArgs?: Partial<Record<SubgraphName, string[]>>;
  /** Start the gateway too (default true). */
  gateway?: boolean;
  /** Demo users the console's sign-in page offers (the browser test). */
  consoleDemoUsers?: AuthUser[];
  /** Run the subgraphs as compiled JavaScript (`dist`, after `npm run build`) or TypeScript (`ts`); default PC_RUNTIME, else ts. */
  runtime?: Runtime;
  /** Run the subgraphs from another checkout (a benchmark's baseline build); default this one. */
  root?: string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

interface Running {
  child: ChildProcess;
  output: string[];
  exited: Promise<number | null>;
}

/**
 * The whole system for a test or a tool: each subgraph in its own process (as in production) with its
 * own fresh PostgreSQL database, all on a NATS namespace of their own so that runs never share state;
 * the gateway in this process. `kill()` and `startService()` let a test crash and restart a service.
 */
export class System {
  readonly urls = {} as Record<SubgraphName, string>;
  gatewayUrl = '';
  gateway?: INestApplication;
  private readonly running = new Map<SubgraphName, Running>();

  private constructor(
    readonly config: ServiceConfig,
    readonly env: NodeJS.ProcessEnv,
    private readonly options: SystemOptions,
    private readonly databases: string[],
  ) {}

  static async start(options: SystemOptions = {}): Promise<System> {
    const { env, databaseFor } = isolatedRun(options.env ?? process.env);
    const databases: string[] = [];
    if (options.freshDatabases ?? true) {
      for (const name of SUBGRAPH_NAMES) {
        env[`${name.toUpperCase()}_DATABASE_URL`] = databaseFor(name);
        databases.push(databaseFor(name));
      }
    }
    for (const name of SUBGRAPH_NAMES) env[`${name.toUpperCase()}_PORT`] = String(await freePort());
    const config = loadConfig(ServiceConfig, env);
    const system = new System(config, env, options, databases);
    try {
      for (const s of SERVICES) await migrate(subgraphPersistence(s.def, config));
      await Promise.all(SUBGRAPH_NAMES.map((name) => system.startService(name)));
      if (options.gateway ?? true) {
        system.gateway = await startApp(
          GatewayAppModule.forRoot({ config, urls: system.urls, consoleDemoUsers: options.consoleDemoUsers }),
          0,
          undefined,
          edgeOptions(config, false),
        );
        system.gatewayUrl = await appUrl(system.gateway);
      }
    } catch (e) {
      await system.close();
      throw e;
    }
    return system;
  }

  /** Starts (or restarts) one subgraph process and waits until its /health answers 200. */
  async startService(name: SubgraphName, extraEnv: NodeJS.ProcessEnv = {}): Promise<void> {
    const port = this.env[`${name.toUpperCase()}_PORT`];
    this.urls[name] = `http://127.0.0.1:${port}/graphql`;
    const child = spawn(
      process.execPath,
      [...(this.options.nodeArgs?.[name] ?? []), ...serviceArgs(name, this.options.runtime ?? runtimeFrom(this.env), this.options.root)],
      {
        cwd: this.options.root ?? ROOT,
        env: {
          ...this.env,
          // another checkout's sources resolve their `@pc/*` aliases through its own tsconfig
          ...(this.options.root ? { SWC_NODE_PROJECT: join(this.options.root, 'tsconfig.json') } : {}),
          ...this.options.serviceEnv?.[name],
          ...extraEnv,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const output: string[] = [];
    const collect = (chunk: Buffer) => output.push(...chunk.toString().split('\n').filter(Boolean));
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    this.running.set(name, { child, output, exited });
    const health = this.urls[name].replace(/\/graphql$/, '/health');
    await eventually(
      async () => {
        if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${output.slice(-20).join('\n')}`);
        return (await fetch(health).catch(() => undefined))?.ok;
      },
      90_000,
      `${name} to become healthy`,
      true,
    );
  }

  /** The OS process id of a running subgraph (benchmarks read its CPU time from /proc). */
  pid(name: SubgraphName): number | undefined {
    return this.running.get(name)?.child.pid;
  }

  /** Lines the service printed (JSON logs, fault markers). */
  output(name: SubgraphName): string[] {
    return this.running.get(name)?.output ?? [];
  }

  /** Stops a service: SIGTERM for a clean shutdown, SIGKILL for a crash. */
  async stopService(name: SubgraphName, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const r = this.running.get(name);
    if (!r) return;
    if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill(signal);
    await r.exited;
    this.running.delete(name);
  }

  token(user: AuthUser): string {
    return signToken(user, this.config.AUTH_JWT_SECRET);
  }

  /** POSTs a GraphQL operation (to the gateway unless another URL is given), with any extra headers. */
  graphql<T = any>(
    token: string | null,
    query: string,
    variables?: Record<string, unknown>,
    url = this.gatewayUrl,
    headers: Record<string, string> = {},
  ): Promise<{ data?: T; errors?: any[] }> {
    return postGraphql<T>(url, token, query, variables, headers);
  }

  /**
   * Seeds intake's registry (organisations, sites, areas, units, customers, staff) directly, and waits
   * until dispatch and callback have taken its sites and customers into their directories.
   */
  async seedRegistry(...datasets: RegistryDataset[]): Promise<void> {
    const orm = await MikroORM.init(ormOptions(subgraphPersistence(INTAKE, this.config)));
    try {
      const em = orm.em.fork();
      for (const d of datasets) await seedRegistry(em, d);
      await em.flush();
    } finally {
      await orm.close();
    }
    const sites = datasets.flatMap((d) => d.sites.map((s) => s.id));
    const customers = datasets.flatMap((d) => d.customers.map((c) => c.id));
    const known = async (service: SubgraphName, table: string, column: string, ids: string[]) =>
      Number((await this.sql<{ n: string }>(service, `select count(*) as n from ${table} where ${column} = any($1)`, [ids]))[0].n) ===
      ids.length;
    await eventually(
      async () =>
        (await known('dispatch', 'known_site', 'site_id', sites)) &&
        (await known('callback', 'known_site', 'site_id', sites)) &&
        (await known('callback', 'known_customer', 'customer_id', customers)),
      90_000,
      'dispatch and callback to know the seeded sites and customers',
    );
  }

  /** Runs SQL against one service's own database (tests read what a service stored). */
  sql<R = Record<string, unknown>>(service: SubgraphName, text: string, params: unknown[] = []): Promise<R[]> {
    return runSql<R>(this.env[`${service.toUpperCase()}_DATABASE_URL`]!, text, params);
  }

  /** Publishes one event on this system's bus, as a service would (validated, with a message id). */
  publish<T extends object>(contract: EventContract<T>, payload: T & { orgId: string }, id?: string): Promise<void> {
    return publishEvent(this.config, contract, payload, id);
  }

  async close(): Promise<void> {
    await this.gateway?.close().catch(() => undefined);
    await Promise.all(SUBGRAPH_NAMES.map((n) => this.stopService(n)));
    await deleteStream(this.config);
    for (const db of this.databases) await dropDatabase(db).catch(() => undefined);
    // the run's own data directory (isolatedRun's), never one the environment named
    if (this.config.DATA_DIR.startsWith(join(tmpdir(), 'pc-run-'))) await rm(this.config.DATA_DIR, { recursive: true, force: true });
  }

  /**
   * `POST /attachments?siteId=` on the gateway, as the console sends a photo: one file in the
   * multipart field `file`. `body` as a stream goes chunked (no declared length).
   */
  async upload(
    token: string,
    siteId: string,
    body: Buffer | AsyncIterable<Uint8Array>,
    name = 'photo.jpg',
    type = 'image/jpeg',
  ): Promise<{ status: number; json: any }> {
    const url = `${this.gatewayUrl.replace(/\/graphql$/, '')}/attachments?siteId=${encodeURIComponent(siteId)}`;
    let init: RequestInit & { duplex?: 'half' };
    if (Buffer.isBuffer(body)) {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(body)], { type }), name);
      init = { method: 'POST', body: form };
    } else {
      const boundary = `----pc${Date.now()}`;
      const head = `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${name}"\r\ncontent-type: ${type}\r\n\r\n`;
      const tail = `\r\n--${boundary}--\r\n`;
      const parts = async function* () {
        yield new TextEncoder().encode(head);
        for await (const chunk of body) yield chunk;
        yield new TextEncoder().encode(tail);
      };
      init = {
        method: 'POST',
        // node's web stream as fetch's (the two declarations differ between the typecheck and the linter's project)
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
        body: Readable.toWeb(Readable.from(parts())) as unknown as BodyInit,
        duplex: 'half',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      };
    }
    init.headers = { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` };
    const res = await fetch(url, init);
    return { status: res.status, json: await res.json().catch(() => undefined) };
  }
}
