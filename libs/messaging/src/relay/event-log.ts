import type { Checkpoint, RecordedEvent } from '@rectify/event-store';

/** What the relay needs from a service's event store: `PgEventStore` satisfies it. */
export interface EventLog {
  readAll(after: Checkpoint, limit?: number): Promise<RecordedEvent[]>;
}
