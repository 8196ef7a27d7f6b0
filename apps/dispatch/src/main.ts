import 'reflect-metadata';
import { runSubgraph } from '@pc/subgraph';
import { DISPATCH, DispatchAppModule } from './app.module';

runSubgraph(DISPATCH, (rt) => DispatchAppModule.forRoot(rt));
