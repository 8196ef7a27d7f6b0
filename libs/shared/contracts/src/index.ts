export * from './enums';
export * from './event-contract';
export * from './events';
export * from './coverage';
