export * from './app.module';
export { SlaScheduler } from './sla/sla-scheduler';
