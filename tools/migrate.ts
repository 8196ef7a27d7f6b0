import 'reflect-metadata';
import { ServiceConfig, loadConfig, migrate } from '@pc/platform';
import { subgraphPersistence } from '@pc/subgraph';
import { SERVICES, serviceNamed } from './services';

/** `npm run migrate [-- service...]`: applies each service's committed migrations to its own database. */
export async function migrateAll(names: string[] = [], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const services = names.length ? names.map(serviceNamed) : SERVICES;
  for (const s of services) {
    // migrations need no auth or gateway secret; the placeholders only satisfy the shared config's validation
    const config = loadConfig(ServiceConfig, { AUTH_JWT_SECRET: 'unused-by-migrations', GATEWAY_SECRET: 'unused-by-migrations', ...env });
    const persistence = subgraphPersistence(s.def, config);
    const applied = await migrate(persistence);
    const where = persistence.databaseUrl
      ? new URL(persistence.databaseUrl).pathname.slice(1)
      : `${persistence.dataDir}/${s.def.service}.sqlite3`;
    process.stdout.write(`migrate ${s.def.service} (${where}): ${applied.length ? applied.join(', ') : 'up to date'}\n`);
  }
}

if (require.main === module) {
  migrateAll(process.argv.slice(2)).catch((e) => {
    process.stderr.write(`migrate failed: ${e?.stack ?? e}\n`);
    process.exit(1);
  });
}
