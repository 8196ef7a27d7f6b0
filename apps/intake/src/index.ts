export * from './app.module';
export * from './config';
export * from './persistence';
export * from './seed/demo-data';
