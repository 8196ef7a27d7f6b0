// one purpose per folder: errors, clock, config, auth (claims, tokens, tenant scope), GraphQL edge, persistence, health, metrics
export * from './errors/errors';
export * from './errors/log-safety';
export * from './clock/clock';
export * from './clock/clock-module';
export * from './config/config';
export * from './config/subgraphs';
export * from './auth/claims';
export * from './auth/token-verifier';
export * from './auth/tenant-scope';
export * from './graphql/graphql-edge';
export * from './graphql/graphql-limits';
export { PublicEdgeLimits } from './graphql/public-edge';
export * from './persistence/persistence';
export * from './persistence/plain-rows';
export * from './health/health';
export * from './metrics/metrics';
export * from './tracing/tracing';
