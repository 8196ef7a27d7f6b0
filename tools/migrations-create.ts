import 'reflect-metadata';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { ServiceConfig, dropDatabase, ensureDatabase, loadConfig, ormOptions, type Dialect, type PersistenceSettings } from '@pc/platform';
import { subgraphPersistence } from '@pc/subgraph';
import { SERVICES, serviceNamed } from './services';

/**
 * `npm run migrations:create -- [service...]`: for each service and each dialect (PostgreSQL and
 * the embedded SQLite), applies the committed migrations to a scratch database, generates the
 * migration that brings it to the current entities (if any) and rewrites the migrations index.
 * Needs a PostgreSQL server (DATABASE_URL, default postgresql://postgres@127.0.0.1:5432).
 */
async function createFor(p: PersistenceSettings, dialect: Dialect): Promise<string | undefined> {
  const scratch =
    dialect === 'postgresql'
      ? {
          ...p,
          databaseUrl: Object.assign(new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432'), {
            pathname: `/pc_scratch_${p.service}_${process.pid}`,
          }).toString(),
        }
      : { ...p, databaseUrl: undefined, dataDir: mkdtempSync(join(tmpdir(), 'pc-migrations-')) };
  await ensureDatabase(scratch.databaseUrl);
  const orm = await MikroORM.init(ormOptions(scratch));
  try {
    const migrator = orm.getMigrator();
    await migrator.up();
    const result = await migrator.createMigration(undefined, false, false);
    return result.diff.up.length ? result.fileName : undefined;
  } finally {
    await orm.close(true);
    if (scratch.databaseUrl) await dropDatabase(scratch.databaseUrl);
    else rmSync(scratch.dataDir, { recursive: true, force: true });
  }
}

function writeIndex(service: string, folder: string): void {
  const list = (d: Dialect) =>
    readdirSync(join(folder, d))
      .filter((f) => /^Migration.*\.ts$/.test(f))
      .sort()
      .map((f) => basename(f, '.ts'));
  const imports: string[] = [];
  const entries = (d: Dialect) =>
    list(d).map((name) => {
      const alias = `${d === 'postgresql' ? 'pg' : 'sqlite'}${name.replace(/[^A-Za-z0-9]/g, '')}`;
      imports.push(`import { ${name.split('_')[0]} as ${alias} } from './${d}/${name}';`);
      return `    { name: '${name}', class: ${alias} },`;
    });
  const pg = entries('postgresql');
  const lite = entries('sqlite');
  writeFileSync(
    join(folder, 'index.ts'),
    `import type { ServiceMigrations } from '@pc/platform';\n${imports.join('\n')}\n\n` +
      `/** Committed migrations, listed explicitly (regenerate with \`npm run migrations:create -- ${service}\`). */\n` +
      `export const ${service}Migrations: ServiceMigrations = {\n  postgresql: [\n${pg.join('\n')}\n  ],\n  sqlite: [\n${lite.join('\n')}\n  ],\n};\n`,
  );
}

async function main(): Promise<void> {
  const names = process.argv.slice(2);
  for (const s of names.length ? names.map(serviceNamed) : SERVICES) {
    const p = subgraphPersistence(s.def, loadConfig(ServiceConfig, { AUTH_JWT_SECRET: 'unused-by-migrations', DATABASE_URL: '' }));
    for (const dialect of ['postgresql', 'sqlite'] as const) {
      const file = await createFor(p, dialect);
      process.stdout.write(`${s.def.service}/${dialect}: ${file ? `created ${file}` : 'no changes'}\n`);
    }
    writeIndex(s.def.service, p.migrationsFolder);
  }
}

main().catch((e) => {
  process.stderr.write(`${e?.stack ?? e}\n`);
  process.exit(1);
});
