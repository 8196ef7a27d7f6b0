import 'reflect-metadata';
import { loadConfig, migrate } from '@pc/platform';
import { SERVICES, serviceNamed } from './services';

/** `npm run migrate [-- service...]`: applies each service's committed migrations to its own database. */
export async function migrateAll(names: string[] = [], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const services = names.length ? names.map(serviceNamed) : SERVICES;
  for (const s of services) {
    const persistence = s.persistence(loadConfig(s.configClass, env));
    const applied = await migrate(persistence);
    const where = persistence.databaseUrl ? new URL(persistence.databaseUrl).pathname.slice(1) : `${persistence.dataDir}/${s.name}.sqlite3`;
    process.stdout.write(`migrate ${s.name} (${where}): ${applied.length ? applied.join(', ') : 'up to date'}\n`);
  }
}

if (require.main === module) {
  migrateAll(process.argv.slice(2)).catch((e) => {
    process.stderr.write(`migrate failed: ${e?.stack ?? e}\n`);
    process.exit(1);
  });
}
