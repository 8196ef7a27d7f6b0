import type { DynamicModule } from '@nestjs/common';
import type { PersistenceSettings, ServiceConfig } from '@pc/platform';
import type { SubgraphSettings } from '@pc/subgraph';
import { IntakeAppModule, IntakeConfig, intakePersistence } from '@pc/intake';

/** The four subgraphs, as the tools (migrate, start, compose, test harness) see them. */
export interface ServiceEntry<C extends ServiceConfig = ServiceConfig> {
  name: 'intake' | 'dispatch' | 'callback' | 'analytics';
  configClass: new () => C;
  port(config: C): number;
  persistence(config: C): PersistenceSettings;
  module(settings: Omit<SubgraphSettings, 'service' | 'config'> & { config: C }): DynamicModule;
}

const entry = <C extends ServiceConfig>(e: ServiceEntry<C>) => e as unknown as ServiceEntry;

export const SERVICES: ServiceEntry[] = [
  entry<IntakeConfig>({
    name: 'intake',
    configClass: IntakeConfig,
    port: (c) => c.INTAKE_PORT,
    persistence: intakePersistence,
    module: (s) => IntakeAppModule.forRoot(s),
  }),
];

export function serviceNamed(name: string): ServiceEntry {
  const s = SERVICES.find((x) => x.name === name);
  if (!s) throw new Error(`unknown service "${name}"; known: ${SERVICES.map((x) => x.name).join(', ')}`);
  return s;
}
