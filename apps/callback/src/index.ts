export * from './app.module';
export { CallbackScheduler } from './callback/callback-timers';
