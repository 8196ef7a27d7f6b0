import 'reflect-metadata';
import { runSubgraph } from '@pc/subgraph';
import { CALLBACK, CallbackAppModule } from './app.module';

runSubgraph(CALLBACK, (rt) => CallbackAppModule.forRoot(rt));
