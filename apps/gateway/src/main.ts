import 'reflect-metadata';
import { ServiceConfig, initTracing, loadConfig } from '@pc/platform';
import { edgeOptions, startApp } from '@pc/subgraph';
import { GatewayAppModule, subgraphUrls } from './gateway.module';

(async () => {
  const config = loadConfig(ServiceConfig);
  initTracing('gateway');
  const introspect = process.env.GATEWAY_INTROSPECT === 'true';
  await startApp(
    GatewayAppModule.forRoot({ config, urls: subgraphUrls(config), introspect }),
    config.GATEWAY_PORT,
    config.HOST,
    edgeOptions(config, false),
  );
})().catch((e: unknown) => {
  process.stderr.write(
    `${JSON.stringify({ level: 'fatal', service: 'gateway', msg: e instanceof Error ? (e.stack ?? e.message) : String(e) })}\n`,
  );
  process.exit(1);
});
