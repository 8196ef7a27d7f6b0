export * from './app.module';
export * from './seed/demo-data';
