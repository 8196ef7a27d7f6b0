export * from './app.module';
