import 'reflect-metadata';
import { runSubgraph } from '@pc/subgraph';
import { NOTIFY, NotifyAppModule } from './app.module';

runSubgraph(NOTIFY, (rt) => NotifyAppModule.forRoot(rt));
