import type { ServiceMigrations } from '@pc/platform';
import { Migration20261122205740 as pgMigration20261122205740 } from './postgresql/Migration20261122205740';
import { Migration20261122213303 as pgMigration20261122213303 } from './postgresql/Migration20261122213303';
import { Migration20261129133350 as pgMigration20261129133350 } from './postgresql/Migration20261129133350';
import { Migration20261129165008 as pgMigration20261129165008 } from './postgresql/Migration20261129165008';
import { Migration20261207113811 as pgMigration20261207113811 } from './postgresql/Migration20261207113811';
import { Migration20261208021244 as pgMigration20261208021244 } from './postgresql/Migration20261208021244';
import { Migration20261208023600 as pgMigration20261208023600 } from './postgresql/Migration20261208023600';
import { Migration20261122205740 as sqliteMigration20261122205740 } from './sqlite/Migration20261122205740';
import { Migration20261122213304 as sqliteMigration20261122213304 } from './sqlite/Migration20261122213304';
import { Migration20261129133350 as sqliteMigration20261129133350 } from './sqlite/Migration20261129133350';
import { Migration20261129165009 as sqliteMigration20261129165009 } from './sqlite/Migration20261129165009';
import { Migration20261207113811 as sqliteMigration20261207113811 } from './sqlite/Migration20261207113811';
import { Migration20261208021247 as sqliteMigration20261208021247 } from './sqlite/Migration20261208021247';
import { Migration20261208023600 as sqliteMigration20261208023600 } from './sqlite/Migration20261208023600';

/** Committed migrations, listed explicitly (regenerate with `npm run migrations:create -- analytics`). */
export const analyticsMigrations: ServiceMigrations = {
  postgresql: [
    { name: 'Migration20261122205740', class: pgMigration20261122205740 },
    { name: 'Migration20261122213303', class: pgMigration20261122213303 },
    { name: 'Migration20261129133350', class: pgMigration20261129133350 },
    { name: 'Migration20261129165008', class: pgMigration20261129165008 },
    { name: 'Migration20261207113811', class: pgMigration20261207113811 },
    { name: 'Migration20261208021244', class: pgMigration20261208021244 },
    { name: 'Migration20261208023600', class: pgMigration20261208023600 },
  ],
  sqlite: [
    { name: 'Migration20261122205740', class: sqliteMigration20261122205740 },
    { name: 'Migration20261122213304', class: sqliteMigration20261122213304 },
    { name: 'Migration20261129133350', class: sqliteMigration20261129133350 },
    { name: 'Migration20261129165009', class: sqliteMigration20261129165009 },
    { name: 'Migration20261207113811', class: sqliteMigration20261207113811 },
    { name: 'Migration20261208021247', class: sqliteMigration20261208021247 },
    { name: 'Migration20261208023600', class: sqliteMigration20261208023600 },
  ],
};
