import type { DynamicModule } from '@nestjs/common';
import { ANALYTICS, AnalyticsAppModule } from '@pc/analytics';
import { CALLBACK, CallbackAppModule } from '@pc/callback';
import { DISPATCH, DispatchAppModule } from '@pc/dispatch';
import { INTAKE, IntakeAppModule } from '@pc/intake';
import { NOTIFY, NotifyAppModule } from '@pc/notify';
import type { SubgraphDefinition, SubgraphRuntime } from '@pc/subgraph';

/** The subgraphs (one per row of SUBGRAPH_PORTS), as the tools (migrate, start, compose, test harness) see them. */
export interface ServiceEntry {
  def: SubgraphDefinition;
  module(rt: SubgraphRuntime): DynamicModule;
}

export const SERVICES: ServiceEntry[] = [
  { def: INTAKE, module: (rt) => IntakeAppModule.forRoot(rt) },
  { def: DISPATCH, module: (rt) => DispatchAppModule.forRoot(rt) },
  { def: CALLBACK, module: (rt) => CallbackAppModule.forRoot(rt) },
  { def: ANALYTICS, module: (rt) => AnalyticsAppModule.forRoot(rt) },
  { def: NOTIFY, module: (rt) => NotifyAppModule.forRoot(rt) },
];

export function serviceNamed(name: string): ServiceEntry {
  const s = SERVICES.find((x) => x.def.service === name);
  if (!s) throw new Error(`unknown service "${name}"; known: ${SERVICES.map((x) => x.def.service).join(', ')}`);
  return s;
}
