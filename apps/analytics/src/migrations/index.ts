import type { ServiceMigrations } from '@pc/platform';
import { Migration20261122205740 as pgMigration20261122205740 } from './postgresql/Migration20261122205740';
import { Migration20261122213303 as pgMigration20261122213303 } from './postgresql/Migration20261122213303';
import { Migration20261122205740 as sqliteMigration20261122205740 } from './sqlite/Migration20261122205740';
import { Migration20261122213304 as sqliteMigration20261122213304 } from './sqlite/Migration20261122213304';

/** Committed migrations, listed explicitly (regenerate with `npm run migrations:create -- analytics`). */
export const analyticsMigrations: ServiceMigrations = {
  postgresql: [
    { name: 'Migration20261122205740', class: pgMigration20261122205740 },
    { name: 'Migration20261122213303', class: pgMigration20261122213303 },
  ],
  sqlite: [
    { name: 'Migration20261122205740', class: sqliteMigration20261122205740 },
    { name: 'Migration20261122213304', class: sqliteMigration20261122213304 },
  ],
};
