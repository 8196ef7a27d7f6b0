import 'reflect-metadata';
import { loadConfig } from '@pc/platform';
import { startApp } from '@pc/subgraph';
import { IntakeAppModule } from './app.module';
import { IntakeConfig } from './config';

async function main(): Promise<void> {
  const config = loadConfig(IntakeConfig);
  await startApp(IntakeAppModule.forRoot({ config }), config.INTAKE_PORT);
}

main().catch((e) => {
  process.stderr.write(`${JSON.stringify({ level: 'fatal', service: 'intake', msg: String(e?.stack ?? e) })}\n`);
  process.exit(1);
});
