import type { ServiceMigrations } from '@pc/platform';
import { Migration20261122205739 as pgMigration20261122205739 } from './postgresql/Migration20261122205739';
import { Migration20261122221948 as pgMigration20261122221948 } from './postgresql/Migration20261122221948';
import { Migration20261129115813 as pgMigration20261129115813 } from './postgresql/Migration20261129115813';
import { Migration20261129125733 as pgMigration20261129125733 } from './postgresql/Migration20261129125733';
import { Migration20261129132645 as pgMigration20261129132645 } from './postgresql/Migration20261129132645';
import { Migration20261129154338 as pgMigration20261129154338 } from './postgresql/Migration20261129154338';
import { Migration20261129155305 as pgMigration20261129155305 } from './postgresql/Migration20261129155305';
import { Migration20261129160714 as pgMigration20261129160714 } from './postgresql/Migration20261129160714';
import { Migration20261129165005 as pgMigration20261129165005 } from './postgresql/Migration20261129165005';
import { Migration20261207180733 as pgMigration20261207180733 } from './postgresql/Migration20261207180733';
import { Migration20261207194010 as pgMigration20261207194010 } from './postgresql/Migration20261207194010';
import { Migration20261122205740 as sqliteMigration20261122205740 } from './sqlite/Migration20261122205740';
import { Migration20261122221948 as sqliteMigration20261122221948 } from './sqlite/Migration20261122221948';
import { Migration20261129115813 as sqliteMigration20261129115813 } from './sqlite/Migration20261129115813';
import { Migration20261129125733 as sqliteMigration20261129125733 } from './sqlite/Migration20261129125733';
import { Migration20261129132645 as sqliteMigration20261129132645 } from './sqlite/Migration20261129132645';
import { Migration20261129154338 as sqliteMigration20261129154338 } from './sqlite/Migration20261129154338';
import { Migration20261129155305 as sqliteMigration20261129155305 } from './sqlite/Migration20261129155305';
import { Migration20261129160714 as sqliteMigration20261129160714 } from './sqlite/Migration20261129160714';
import { Migration20261129165006 as sqliteMigration20261129165006 } from './sqlite/Migration20261129165006';
import { Migration20261207180733 as sqliteMigration20261207180733 } from './sqlite/Migration20261207180733';
import { Migration20261207194010 as sqliteMigration20261207194010 } from './sqlite/Migration20261207194010';

/** Committed migrations, listed explicitly (regenerate with `npm run migrations:create -- dispatch`). */
export const dispatchMigrations: ServiceMigrations = {
  postgresql: [
    { name: 'Migration20261122205739', class: pgMigration20261122205739 },
    { name: 'Migration20261122221948', class: pgMigration20261122221948 },
    { name: 'Migration20261129115813', class: pgMigration20261129115813 },
    { name: 'Migration20261129125733', class: pgMigration20261129125733 },
    { name: 'Migration20261129132645', class: pgMigration20261129132645 },
    { name: 'Migration20261129154338', class: pgMigration20261129154338 },
    { name: 'Migration20261129155305', class: pgMigration20261129155305 },
    { name: 'Migration20261129160714', class: pgMigration20261129160714 },
    { name: 'Migration20261129165005', class: pgMigration20261129165005 },
    { name: 'Migration20261207180733', class: pgMigration20261207180733 },
    { name: 'Migration20261207194010', class: pgMigration20261207194010 },
  ],
  sqlite: [
    { name: 'Migration20261122205740', class: sqliteMigration20261122205740 },
    { name: 'Migration20261122221948', class: sqliteMigration20261122221948 },
    { name: 'Migration20261129115813', class: sqliteMigration20261129115813 },
    { name: 'Migration20261129125733', class: sqliteMigration20261129125733 },
    { name: 'Migration20261129132645', class: sqliteMigration20261129132645 },
    { name: 'Migration20261129154338', class: sqliteMigration20261129154338 },
    { name: 'Migration20261129155305', class: sqliteMigration20261129155305 },
    { name: 'Migration20261129160714', class: sqliteMigration20261129160714 },
    { name: 'Migration20261129165006', class: sqliteMigration20261129165006 },
    { name: 'Migration20261207180733', class: sqliteMigration20261207180733 },
    { name: 'Migration20261207194010', class: sqliteMigration20261207194010 },
  ],
};
