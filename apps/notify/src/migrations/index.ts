import type { ServiceMigrations } from '@pc/platform';
import { Migration20261207062431 as pgMigration20261207062431 } from './postgresql/Migration20261207062431';
import { Migration20261207071231 as pgMigration20261207071231 } from './postgresql/Migration20261207071231';
import { Migration20261207225624 as pgMigration20261207225624 } from './postgresql/Migration20261207225624';
import { Migration20261207062431 as sqliteMigration20261207062431 } from './sqlite/Migration20261207062431';
import { Migration20261207071231 as sqliteMigration20261207071231 } from './sqlite/Migration20261207071231';
import { Migration20261207225624 as sqliteMigration20261207225624 } from './sqlite/Migration20261207225624';

/** Committed migrations, listed explicitly (regenerate with `npm run migrations:create -- notify`). */
export const notifyMigrations: ServiceMigrations = {
  postgresql: [
    { name: 'Migration20261207062431', class: pgMigration20261207062431 },
    { name: 'Migration20261207071231', class: pgMigration20261207071231 },
    { name: 'Migration20261207225624', class: pgMigration20261207225624 },
  ],
  sqlite: [
    { name: 'Migration20261207062431', class: sqliteMigration20261207062431 },
    { name: 'Migration20261207071231', class: sqliteMigration20261207071231 },
    { name: 'Migration20261207225624', class: sqliteMigration20261207225624 },
  ],
};
