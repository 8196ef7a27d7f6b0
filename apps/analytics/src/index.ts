export * from './app.module';
export * from './projection/rebuild';
export * from './projection/read-model-store';
export { ProjectionConsumer, applyEvents, decodeMessage, knexOf } from './projection/projection.consumer';
export { AnalyticsScheduler } from './report/analytics-timers';
export { ReportReader } from './report/report.reader';
export { buildMonthlyReport } from './report/monthly-report';
export { KpiQueries } from './kpi/kpi.queries';
export { KpiBucket } from './kpi/kpi.dto';
