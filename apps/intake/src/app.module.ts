import { DynamicModule, Module } from '@nestjs/common';
import { edgeControllers, edgeProviders, infrastructureImports, subgraphGraphQL, type SubgraphSettings } from '@pc/subgraph';
import { ComplaintModule } from './complaint/complaint.module';
import type { IntakeConfig } from './config';
import { INTAKE_SERVICE, intakePersistence } from './persistence';
import { RegistryModule } from './registry/registry.module';

export type IntakeSettings = Omit<SubgraphSettings, 'service' | 'config'> & { config: IntakeConfig };

@Module({})
export class IntakeAppModule {
  static forRoot(settings: IntakeSettings): DynamicModule {
    const s: SubgraphSettings = { ...settings, service: INTAKE_SERVICE, config: { ...settings.config, PORT: settings.config.INTAKE_PORT } };
    return {
      module: IntakeAppModule,
      imports: [...infrastructureImports(s, intakePersistence(settings.config)), subgraphGraphQL(), RegistryModule, ComplaintModule],
      controllers: edgeControllers,
      providers: edgeProviders(s),
    };
  }
}
