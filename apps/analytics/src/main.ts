import 'reflect-metadata';
import { runSubgraph } from '@pc/subgraph';
import { ANALYTICS, AnalyticsAppModule } from './app.module';

runSubgraph(ANALYTICS, (rt) => AnalyticsAppModule.forRoot(rt));
