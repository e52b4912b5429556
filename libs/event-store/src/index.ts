export * from './event.types';
export * from './errors';
export { PgEventStore, type EventStoreOptions, type ReadStreamOptions, type VerifyResult } from './pg-event-store';
export { loadState, type Reducer, type LoadOptions, type Loaded } from './aggregate';
export { ProjectionRunner, CheckpointMoved, readCheckpoint, type Projection } from './projection-runner';
export { EventStoreSchema1763800000000, migrateEventStore } from './migration';
export { EVENT_STORE_SCHEMA_UP } from './schema';
export { type Upcaster } from './upcasting';
export { type Queryable, withTransaction } from './queryable';
