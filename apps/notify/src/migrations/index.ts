import type { ServiceMigrations } from '@pc/platform';
import { Migration20261207062431 as pgMigration20261207062431 } from './postgresql/Migration20261207062431';
import { Migration20261207062431 as sqliteMigration20261207062431 } from './sqlite/Migration20261207062431';

/** Committed migrations, listed explicitly (regenerate with `npm run migrations:create -- notify`). */
export const notifyMigrations: ServiceMigrations = {
  postgresql: [
    { name: 'Migration20261207062431', class: pgMigration20261207062431 },
  ],
  sqlite: [
    { name: 'Migration20261207062431', class: sqliteMigration20261207062431 },
  ],
};
