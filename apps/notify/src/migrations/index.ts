import type { ServiceMigrations } from '@pc/platform';

/** Committed migrations, listed explicitly (regenerate with `npm run migrations:create -- notify`). */
export const notifyMigrations: ServiceMigrations = {
  postgresql: [],
  sqlite: [],
};
