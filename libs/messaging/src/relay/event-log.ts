import type { Checkpoint, Queryable, RecordedEvent } from '@rectify/event-store';
import { PgEventStore } from '@rectify/event-store';
import type { Pool } from 'pg';

/** What the relay needs from a service's event store: `PgEventStore` satisfies it. */
export interface EventLog {
  /** `db`: the relay's own connection, so reading the log never waits for a pooled one. */
  readAll(after: Checkpoint, limit?: number, db?: Queryable): Promise<RecordedEvent[]>;
}

/**
 * A log other than the service's whole `PgEventStore` (inspections' redaction), named by the
 * module that builds it rather than given as a function: a relay on its worker thread loads
 * the module there (functions cannot cross to a thread). `module` is a path `require` takes
 * (`require.resolve('./…')` in the service), `factory` the name of its export
 * `(pool: Pool) => EventLog`.
 */
export interface EventLogModule {
  module: string;
  factory: string;
}

/** The relay's log: the module's factory applied to `pool`, or the plain event store. */
export function openEventLog(pool: Pool, source?: EventLogModule): EventLog {
  if (!source) return new PgEventStore(pool);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const factory = (require(source.module) as Record<string, unknown>)[source.factory];
  if (typeof factory !== 'function') throw new Error(`${source.module} exports no event log factory named ${source.factory}`);
  return (factory as (pool: Pool) => EventLog)(pool);
}
