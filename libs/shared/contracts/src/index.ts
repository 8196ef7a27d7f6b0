export * from './enums';
export * from './event-contract';
export * from './events';
export * from './relationship-events';
export * from './survey-events';
export * from './coverage';
