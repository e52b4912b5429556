export * from './envelope';
export * from './inspections.events';
export * from './rectification.events';
export * from './notifications.events';
export * from './taxonomy';
export * from './evaluations.events';
export * from './directory.events';
export { validateQuickly, validWithoutErrors } from './valid-without-errors';
