export * from './entities';
export * from './nats';
export * from './options';
export * from './outbox';
export * from './consumer';
export * from './messaging.module';
export * from './timers';
export * from './housekeeping';
