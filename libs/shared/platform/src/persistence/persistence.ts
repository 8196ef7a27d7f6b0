import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { MigrationObject, Options } from '@mikro-orm/core';
import { MikroORM } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { SqliteDriver } from '@mikro-orm/sqlite';
import { Migrator } from '@mikro-orm/migrations';
import { Client } from 'pg';

export interface ServiceMigrations {
  postgresql: MigrationObject[];
  sqlite: MigrationObject[];
}

/** An entity class, as MikroORM takes it in `entities`. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- MikroORM's own type for an entity list
export type EntityClass = Function;

export interface PersistenceSettings {
  service: string;
  /** Entity classes (no folder discovery: the same list serves runtime, tests and migrations). */
  entities: EntityClass[];
  migrations: ServiceMigrations;
  /** Folder the migration generator writes to (`<folder>/<dialect>`). */
  migrationsFolder: string;
  /** A full PostgreSQL URL for this service's own database, or undefined for embedded SQLite. */
  databaseUrl?: string;
  dataDir: string;
}

export type Dialect = 'postgresql' | 'sqlite';

export const dialectOf = (s: Pick<PersistenceSettings, 'databaseUrl'>): Dialect => (s.databaseUrl ? 'postgresql' : 'sqlite');

/**
 * The service's own database: `<server>/<prefix>_<service>` on PostgreSQL when a server URL is
 * configured (a `<SERVICE>_DATABASE_URL` names one outright), otherwise undefined (SQLite).
 */
export function serviceDatabaseUrl(
  service: string,
  env: { DATABASE_URL?: string; DATABASE_PREFIX: string },
  override?: string,
): string | undefined {
  if (override) return override;
  if (!env.DATABASE_URL) return undefined;
  const url = new URL(env.DATABASE_URL);
  url.pathname = `/${env.DATABASE_PREFIX}_${service}`;
  return url.toString();
}

export function ormOptions(s: PersistenceSettings): Options {
  const dialect = dialectOf(s);
  const common: Options = {
    entities: s.entities,
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    extensions: [Migrator],
    forceUtcTimezone: true,
    allowGlobalContext: false,
    migrations: {
      migrationsList: s.migrations[dialect],
      path: join(s.migrationsFolder, dialect),
      pathTs: join(s.migrationsFolder, dialect),
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: true,
      snapshotName: '.snapshot',
      emit: 'ts',
      fileName: (timestamp: string, name?: string) => `Migration${timestamp}${name ? `_${name}` : ''}`,
    },
  };
  if (dialect === 'postgresql') {
    return { ...common, driver: PostgreSqlDriver, clientUrl: s.databaseUrl, pool: { min: 0, max: 10 } };
  }
  mkdirSync(s.dataDir, { recursive: true });
  return { ...common, driver: SqliteDriver, dbName: join(s.dataDir, `${s.service}.sqlite3`) };
}

/** Creates the service's PostgreSQL database when it does not exist yet (no-op for SQLite). */
export async function ensureDatabase(databaseUrl: string | undefined): Promise<void> {
  if (!databaseUrl) return;
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!/^[a-zA-Z0-9_]+$/.test(name)) throw new Error(`unsafe database name "${name}"`);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) {
      await client.query(`create database "${name}"`).catch((e: { code?: string }) => {
        if (e.code !== '42P04') throw e; // created concurrently: fine
      });
    }
  } finally {
    await client.end();
  }
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await client.end();
  }
}

/** Whether an entity manager talks to PostgreSQL (row locks) rather than the embedded SQLite. */
export const isPostgres = (em: { getDriver(): object }): boolean => em.getDriver() instanceof PostgreSqlDriver;

/** The explicit migration step (never run inside module init). Returns the names applied. */
export async function migrate(s: PersistenceSettings): Promise<string[]> {
  await ensureDatabase(s.databaseUrl);
  const options = ormOptions(s);
  // applying migrations must not rewrite the committed schema snapshot (MikroORM stores the live
  // schema after `up` when snapshots are on); only the migration generator maintains it. Silent: the
  // caller reports the names applied (npm run migrate prints one line per service; tests print nothing)
  const orm = await MikroORM.init({ ...options, migrations: { ...options.migrations, snapshot: false, silent: true } });
  try {
    const applied = await orm.getMigrator().up();
    return applied.map((m) => m.name);
  } finally {
    await orm.close(true);
  }
}
