export * from './app.module';
export { CallbackScheduler } from './callback/callback-timers';
export { SurveyScheduler } from './survey/survey-clocks';
