import type { Checkpoint, Queryable, RecordedEvent } from '@rectify/event-store';

/** What the relay needs from a service's event store: `PgEventStore` satisfies it. */
export interface EventLog {
  /** `db`: the relay's own connection, so reading the log never waits for a pooled one. */
  readAll(after: Checkpoint, limit?: number, db?: Queryable): Promise<RecordedEvent[]>;
}
