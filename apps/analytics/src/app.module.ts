import { join } from 'node:path';
import { DynamicModule, Module } from '@nestjs/common';
import { subgraphAppModule, type SubgraphDefinition, type SubgraphRuntime } from '@pc/subgraph';
import { analyticsMigrations } from './migrations';
import { ANALYTICS_ENTITIES } from './report/facts.entity';
import { ReportModule } from './report/report.module';

export const ANALYTICS: SubgraphDefinition = {
  service: 'analytics',
  port: (c) => c.ANALYTICS_PORT,
  databaseUrlOverride: (c) => c.ANALYTICS_DATABASE_URL,
  entities: ANALYTICS_ENTITIES,
  migrations: analyticsMigrations,
  migrationsFolder: join(__dirname, 'migrations'),
};

@Module({})
export class AnalyticsAppModule {
  static forRoot(rt: SubgraphRuntime): DynamicModule {
    return subgraphAppModule(AnalyticsAppModule, ANALYTICS, rt, [ReportModule]);
  }
}
