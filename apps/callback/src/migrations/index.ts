import type { ServiceMigrations } from '@pc/platform';
import { Migration20261122205740 as pgMigration20261122205740 } from './postgresql/Migration20261122205740';
import { Migration20261122230337 as pgMigration20261122230337 } from './postgresql/Migration20261122230337';
import { Migration20261129115813 as pgMigration20261129115813 } from './postgresql/Migration20261129115813';
import { Migration20261129154338 as pgMigration20261129154338 } from './postgresql/Migration20261129154338';
import { Migration20261129165006 as pgMigration20261129165006 } from './postgresql/Migration20261129165006';
import { Migration20261208021128 as pgMigration20261208021128 } from './postgresql/Migration20261208021128';
import { Migration20261208023006 as pgMigration20261208023006 } from './postgresql/Migration20261208023006';
import { Migration20261208025309 as pgMigration20261208025309 } from './postgresql/Migration20261208025309';
import { Migration20261208031423 as pgMigration20261208031423 } from './postgresql/Migration20261208031423';
import { Migration20261208032657 as pgMigration20261208032657 } from './postgresql/Migration20261208032657';
import { Migration20261122205740 as sqliteMigration20261122205740 } from './sqlite/Migration20261122205740';
import { Migration20261122230338 as sqliteMigration20261122230338 } from './sqlite/Migration20261122230338';
import { Migration20261129115814 as sqliteMigration20261129115814 } from './sqlite/Migration20261129115814';
import { Migration20261129154338 as sqliteMigration20261129154338 } from './sqlite/Migration20261129154338';
import { Migration20261129165007 as sqliteMigration20261129165007 } from './sqlite/Migration20261129165007';
import { Migration20261208021129 as sqliteMigration20261208021129 } from './sqlite/Migration20261208021129';
import { Migration20261208023006 as sqliteMigration20261208023006 } from './sqlite/Migration20261208023006';
import { Migration20261208025309 as sqliteMigration20261208025309 } from './sqlite/Migration20261208025309';
import { Migration20261208031423 as sqliteMigration20261208031423 } from './sqlite/Migration20261208031423';
import { Migration20261208032700 as sqliteMigration20261208032700 } from './sqlite/Migration20261208032700';

/** Committed migrations, listed explicitly (regenerate with `npm run migrations:create -- callback`). */
export const callbackMigrations: ServiceMigrations = {
  postgresql: [
    { name: 'Migration20261122205740', class: pgMigration20261122205740 },
    { name: 'Migration20261122230337', class: pgMigration20261122230337 },
    { name: 'Migration20261129115813', class: pgMigration20261129115813 },
    { name: 'Migration20261129154338', class: pgMigration20261129154338 },
    { name: 'Migration20261129165006', class: pgMigration20261129165006 },
    { name: 'Migration20261208021128', class: pgMigration20261208021128 },
    { name: 'Migration20261208023006', class: pgMigration20261208023006 },
    { name: 'Migration20261208025309', class: pgMigration20261208025309 },
    { name: 'Migration20261208031423', class: pgMigration20261208031423 },
    { name: 'Migration20261208032657', class: pgMigration20261208032657 },
  ],
  sqlite: [
    { name: 'Migration20261122205740', class: sqliteMigration20261122205740 },
    { name: 'Migration20261122230338', class: sqliteMigration20261122230338 },
    { name: 'Migration20261129115814', class: sqliteMigration20261129115814 },
    { name: 'Migration20261129154338', class: sqliteMigration20261129154338 },
    { name: 'Migration20261129165007', class: sqliteMigration20261129165007 },
    { name: 'Migration20261208021129', class: sqliteMigration20261208021129 },
    { name: 'Migration20261208023006', class: sqliteMigration20261208023006 },
    { name: 'Migration20261208025309', class: sqliteMigration20261208025309 },
    { name: 'Migration20261208031423', class: sqliteMigration20261208031423 },
    { name: 'Migration20261208032700', class: sqliteMigration20261208032700 },
  ],
};
