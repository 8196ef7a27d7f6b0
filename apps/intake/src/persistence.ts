import { join } from 'node:path';
import type { PersistenceSettings } from '@pc/platform';
import { persistenceSettings } from '@pc/subgraph';
import { Complaint } from './complaint/complaint.entity';
import type { IntakeConfig } from './config';
import { intakeMigrations } from './migrations';
import { REGISTRY_ENTITIES } from './registry/registry.entities';

export const INTAKE_SERVICE = 'intake';

export function intakePersistence(config: IntakeConfig): PersistenceSettings {
  return persistenceSettings(INTAKE_SERVICE, config, {
    entities: [...REGISTRY_ENTITIES, Complaint],
    migrations: intakeMigrations,
    migrationsFolder: join(__dirname, 'migrations'),
    databaseUrlOverride: config.INTAKE_DATABASE_URL,
  });
}
