import type { ServiceMigrations } from '@pc/platform';
import { Migration20261122205437 as pgMigration20261122205437 } from './postgresql/Migration20261122205437';
import { Migration20261122213301 as pgMigration20261122213301 } from './postgresql/Migration20261122213301';
import { Migration20261129114801 as pgMigration20261129114801 } from './postgresql/Migration20261129114801';
import { Migration20261129160713 as pgMigration20261129160713 } from './postgresql/Migration20261129160713';
import { Migration20261129165003 as pgMigration20261129165003 } from './postgresql/Migration20261129165003';
import { Migration20261207062431 as pgMigration20261207062431 } from './postgresql/Migration20261207062431';
import { Migration20261207171113 as pgMigration20261207171113 } from './postgresql/Migration20261207171113';
import { Migration20261207194010 as pgMigration20261207194010 } from './postgresql/Migration20261207194010';
import { Migration20261207200807 as pgMigration20261207200807 } from './postgresql/Migration20261207200807';
import { Migration20261207204212 as pgMigration20261207204212 } from './postgresql/Migration20261207204212';
import { Migration20261207225619 as pgMigration20261207225619 } from './postgresql/Migration20261207225619';
import { Migration20261122205437 as sqliteMigration20261122205437 } from './sqlite/Migration20261122205437';
import { Migration20261122213301 as sqliteMigration20261122213301 } from './sqlite/Migration20261122213301';
import { Migration20261129114801 as sqliteMigration20261129114801 } from './sqlite/Migration20261129114801';
import { Migration20261129160713 as sqliteMigration20261129160713 } from './sqlite/Migration20261129160713';
import { Migration20261129165003 as sqliteMigration20261129165003 } from './sqlite/Migration20261129165003';
import { Migration20261207062432 as sqliteMigration20261207062432 } from './sqlite/Migration20261207062432';
import { Migration20261207171113 as sqliteMigration20261207171113 } from './sqlite/Migration20261207171113';
import { Migration20261207194010 as sqliteMigration20261207194010 } from './sqlite/Migration20261207194010';
import { Migration20261207200807 as sqliteMigration20261207200807 } from './sqlite/Migration20261207200807';
import { Migration20261207204213 as sqliteMigration20261207204213 } from './sqlite/Migration20261207204213';
import { Migration20261207225620 as sqliteMigration20261207225620 } from './sqlite/Migration20261207225620';

/** Committed migrations, listed explicitly (regenerate with `npm run migrations:create -- intake`). */
export const intakeMigrations: ServiceMigrations = {
  postgresql: [
    { name: 'Migration20261122205437', class: pgMigration20261122205437 },
    { name: 'Migration20261122213301', class: pgMigration20261122213301 },
    { name: 'Migration20261129114801', class: pgMigration20261129114801 },
    { name: 'Migration20261129160713', class: pgMigration20261129160713 },
    { name: 'Migration20261129165003', class: pgMigration20261129165003 },
    { name: 'Migration20261207062431', class: pgMigration20261207062431 },
    { name: 'Migration20261207171113', class: pgMigration20261207171113 },
    { name: 'Migration20261207194010', class: pgMigration20261207194010 },
    { name: 'Migration20261207200807', class: pgMigration20261207200807 },
    { name: 'Migration20261207204212', class: pgMigration20261207204212 },
    { name: 'Migration20261207225619', class: pgMigration20261207225619 },
  ],
  sqlite: [
    { name: 'Migration20261122205437', class: sqliteMigration20261122205437 },
    { name: 'Migration20261122213301', class: sqliteMigration20261122213301 },
    { name: 'Migration20261129114801', class: sqliteMigration20261129114801 },
    { name: 'Migration20261129160713', class: sqliteMigration20261129160713 },
    { name: 'Migration20261129165003', class: sqliteMigration20261129165003 },
    { name: 'Migration20261207062432', class: sqliteMigration20261207062432 },
    { name: 'Migration20261207171113', class: sqliteMigration20261207171113 },
    { name: 'Migration20261207194010', class: sqliteMigration20261207194010 },
    { name: 'Migration20261207200807', class: sqliteMigration20261207200807 },
    { name: 'Migration20261207204213', class: sqliteMigration20261207204213 },
    { name: 'Migration20261207225620', class: sqliteMigration20261207225620 },
  ],
};
