import { join } from 'node:path';
import { DynamicModule, Module } from '@nestjs/common';
import { subgraphAppModule, type SubgraphDefinition, type SubgraphRuntime } from '@pc/subgraph';
import { CALLBACK_ENTITIES } from './entities';
import { CallbackModule } from './callback/callback.module';
import { QualityModule } from './quality/quality-check';
import { SurveyModule } from './survey/survey.module';
import { CustomerFileModule } from './customer-file/customer-file.module';
import { CustomerFileRef } from './customer-file/customer-file.resolver';
import { callbackMigrations } from './migrations';

export const CALLBACK: SubgraphDefinition = {
  service: 'callback',
  entities: CALLBACK_ENTITIES,
  migrations: callbackMigrations,
  migrationsFolder: join(__dirname, 'migrations'),
  orphanedTypes: [CustomerFileRef],
};

@Module({})
export class CallbackAppModule {
  static forRoot(rt: SubgraphRuntime): DynamicModule {
    return subgraphAppModule(CallbackAppModule, CALLBACK, rt, [CallbackModule, SurveyModule, CustomerFileModule, QualityModule]);
  }
}
