import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import type { NewEvent } from '@rectify/event-store';

/** The same rows written and read with plain SQL: what the event store is measured against. */
export async function createBaselineTable(pool: Pool): Promise<void> {
  await pool.query(`CREATE TABLE baseline_events (
    position bigserial PRIMARY KEY, stream_id text NOT NULL, stream_version integer NOT NULL,
    event_id uuid NOT NULL UNIQUE, type text NOT NULL, schema_version integer NOT NULL,
    data jsonb NOT NULL, metadata jsonb NOT NULL, occurred_at timestamptz NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(), hash bytea NOT NULL,
    UNIQUE (stream_id, stream_version))`);
}

const hash = (e: NewEvent) => createHash('sha256').update(JSON.stringify(e)).digest();

export async function baselineAppend(pool: Pool, streamId: string, version: number, e: NewEvent): Promise<void> {
  await pool.query(
    `INSERT INTO baseline_events (stream_id, stream_version, event_id, type, schema_version, data, metadata, occurred_at, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [streamId, version, e.eventId, e.type, e.schemaVersion, JSON.stringify(e.data), JSON.stringify(e.metadata), e.occurredAt, hash(e)],
  );
}

export async function baselineBatch(pool: Pool, streamId: string, firstVersion: number, events: NewEvent[]): Promise<void> {
  const values: unknown[] = [];
  const tuples = events.map((e, i) => {
    values.push(streamId, firstVersion + i, e.eventId, e.type, e.schemaVersion, JSON.stringify(e.data), JSON.stringify(e.metadata), e.occurredAt, hash(e));
    const b = i * 9;
    return `($${b + 1},$${b + 2},$${b + 3},$${b + 4},$${b + 5},$${b + 6},$${b + 7},$${b + 8},$${b + 9})`;
  });
  await pool.query(
    `INSERT INTO baseline_events (stream_id, stream_version, event_id, type, schema_version, data, metadata, occurred_at, hash) VALUES ${tuples.join(',')}`,
    values,
  );
}

export async function baselineReadStream(pool: Pool, streamId: string): Promise<number> {
  const { rows } = await pool.query('SELECT * FROM baseline_events WHERE stream_id = $1 ORDER BY stream_version', [streamId]);
  let total = 0;
  for (const row of rows) total += (row.data as { measure: number }).measure ?? 0;
  return total;
}

export async function baselineReadAll(pool: Pool, pageSize: number): Promise<number> {
  let after = '0';
  let read = 0;
  for (;;) {
    const { rows } = await pool.query('SELECT * FROM baseline_events WHERE position > $1 ORDER BY position LIMIT $2', [after, pageSize]);
    if (rows.length === 0) return read;
    read += rows.length;
    after = rows[rows.length - 1].position;
  }
}
