export * from './app.module';
export * from './projection/rebuild';
export * from './projection/read-model-store';
export { ProjectionConsumer, applyEvents, decodeMessage, knexOf } from './projection/projection.consumer';
export { AnalyticsScheduler } from './report/analytics-timers';
