import 'reflect-metadata';
import { runSubgraph } from '@pc/subgraph';
import { INTAKE, IntakeAppModule } from './app.module';

runSubgraph(INTAKE, (rt) => IntakeAppModule.forRoot(rt));
