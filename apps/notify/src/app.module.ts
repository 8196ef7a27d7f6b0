import { join } from 'node:path';
import { DynamicModule, Module } from '@nestjs/common';
import { subgraphAppModule, type SubgraphDefinition, type SubgraphRuntime } from '@pc/subgraph';
import { NOTIFY_ENTITIES } from './entities';
import { NotificationModule } from './notification/notification.module';
import { notifyMigrations } from './migrations';

/** Notify: who is told, on which channel, acknowledged when; the duty roster and shift handover (domain.md §6). */
export const NOTIFY: SubgraphDefinition = {
  service: 'notify',
  entities: NOTIFY_ENTITIES,
  migrations: notifyMigrations,
  migrationsFolder: join(__dirname, 'migrations'),
};

@Module({})
export class NotifyAppModule {
  static forRoot(rt: SubgraphRuntime): DynamicModule {
    return subgraphAppModule(NotifyAppModule, NOTIFY, rt, [NotificationModule]);
  }
}
