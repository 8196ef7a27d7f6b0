import { join } from 'node:path';
import { DynamicModule, Module } from '@nestjs/common';
import { subgraphAppModule, type SubgraphDefinition, type SubgraphRuntime } from '@pc/subgraph';
import { ClosingModule } from './closing/closing.module';
import { ContractorModule } from './contractor/contractor.module';
import { EmergencyModule } from './emergency/emergency.module';
import { DISPATCH_ENTITIES } from './entities';
import { LiaisonModule } from './liaison/liaison.module';
import { dispatchMigrations } from './migrations';
import { ReworkModule } from './rework/rework.module';
import { ServiceModule } from './service/service.module';
import { SlaModule } from './sla/sla.module';
import { WorkOrderModule } from './work-order/work-order.module';

export const DISPATCH: SubgraphDefinition = {
  service: 'dispatch',
  entities: DISPATCH_ENTITIES,
  migrations: dispatchMigrations,
  migrationsFolder: join(__dirname, 'migrations'),
};

@Module({})
export class DispatchAppModule {
  static forRoot(rt: SubgraphRuntime): DynamicModule {
    return subgraphAppModule(DispatchAppModule, DISPATCH, rt, [
      SlaModule,
      WorkOrderModule,
      LiaisonModule,
      ContractorModule,
      EmergencyModule,
      ReworkModule,
      ClosingModule,
      ServiceModule,
    ]);
  }
}
