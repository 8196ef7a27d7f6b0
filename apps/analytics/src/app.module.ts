import { join } from 'node:path';
import { DynamicModule, Module } from '@nestjs/common';
import { subgraphAppModule, type SubgraphDefinition, type SubgraphRuntime } from '@pc/subgraph';
import { analyticsMigrations } from './migrations';
import { ComplaintArchive } from './archive/complaint-archive.entity';
import { CaseEntry } from './case-library/case-entry.entity';
import { READ_MODEL_ENTITIES } from './projection/read-model.entities';
import { ReportSubmission } from './report/report-submission.entity';
import { ProductSuggestion } from './suggestions/product-suggestion.entity';
import { ReportModule } from './report/report.module';

export const ANALYTICS: SubgraphDefinition = {
  service: 'analytics',
  entities: [...READ_MODEL_ENTITIES, ComplaintArchive, ReportSubmission, CaseEntry, ProductSuggestion],
  migrations: analyticsMigrations,
  migrationsFolder: join(__dirname, 'migrations'),
};

@Module({})
export class AnalyticsAppModule {
  static forRoot(rt: SubgraphRuntime): DynamicModule {
    return subgraphAppModule(AnalyticsAppModule, ANALYTICS, rt, [ReportModule]);
  }
}
