import type { Pool } from 'pg';
import { ConcurrencyError } from './errors';
import type { AppendResult, Checkpoint, ExpectedVersion, NewEvent, RecordedEvent } from './event.types';
import { chainHash, contentHash } from './hash-chain';
import { type Queryable, rows } from './queryable';
import { type Upcaster, UpcasterChain } from './upcasting';

export interface EventStoreOptions {
  upcasters?: readonly Upcaster[];
}

export interface ReadStreamOptions {
  fromVersion?: number;
  toVersion?: number;
}

export type VerifyResult =
  | { ok: true; checked: number }
  | { ok: false; checked: number; firstBadEvent: { eventId: string; streamVersion: number; position: string; reason: string } };

interface EventRow {
  position: string;
  txid: string;
  stream_id: string;
  stream_version: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: NewEvent['metadata'];
  occurred_at: Date;
  recorded_at: Date;
  hash: string;
  prev_hash: string | null;
}

const COLUMNS = `position::text AS position, txid::text AS txid, stream_id, stream_version, event_id, type,
  schema_version, data, metadata, occurred_at, recorded_at, encode(hash, 'hex') AS hash,
  encode(prev_hash, 'hex') AS prev_hash`;

const UNIQUE_VIOLATION = '23505';

export class PgEventStore {
  private readonly upcasters: UpcasterChain;

  constructor(
    readonly pool: Pool,
    options: EventStoreOptions = {},
  ) {
    this.upcasters = new UpcasterChain(options.upcasters);
  }

  /**
   * Appends in one statement (one transaction unless `db` is the caller's). Retrying with the
   * same event ids is a no-op (`written: false`); a stream not at `expected` is a ConcurrencyError.
   */
  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion, db: Queryable = this.pool): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    const params = [
      streamId,
      expected === 'any' ? null : expected,
      events.map((e) => e.eventId),
      events.map((e) => e.type),
      events.map((e) => e.schemaVersion),
      events.map((e) => JSON.stringify(e.data)),
      events.map((e) => JSON.stringify(e.metadata)),
      events.map((e) => e.occurredAt),
      events.map((e) => contentHash({ ...e, streamId })),
    ];
    try {
      const [row] = await rows<{ next_version: number; written: boolean }>(
        db,
        'SELECT next_version, written FROM event_store_append($1, $2, $3, $4, $5, $6::jsonb[], $7::jsonb[], $8, $9)',
        params,
      );
      return { nextVersion: row.next_version, written: row.written };
    } catch (error) {
      const translated = await this.translateAppendError(error, streamId, events, expected, db);
      if (translated instanceof DuplicateAppend) return { nextVersion: translated.nextVersion, written: false };
      throw translated;
    }
  }

  private async translateAppendError(error: unknown, streamId: string, events: readonly NewEvent[], expected: ExpectedVersion, db: Queryable): Promise<unknown> {
    const pgError = error as { code?: string; constraint?: string; message?: string };
    if (pgError.code === 'RX409') {
      return new ConcurrencyError(streamId, expected, Number(pgError.message));
    }
    if (pgError.code === UNIQUE_VIOLATION && pgError.constraint === 'events_stream_version_uk') {
      // A concurrent writer took the version between our read and our insert.
      return new ConcurrencyError(streamId, expected, await this.streamVersion(streamId, this.pool));
    }
    if (pgError.code === UNIQUE_VIOLATION && pgError.constraint === 'events_event_id_uk' && db === this.pool) {
      // Two identical retries raced; the other one wrote the events.
      const stored = await rows(this.pool, 'SELECT 1 FROM events WHERE event_id = ANY($1) AND stream_id = $2', [events.map((e) => e.eventId), streamId]);
      if (stored.length === events.length) return new DuplicateAppend(await this.streamVersion(streamId));
    }
    return error;
  }

  async streamVersion(streamId: string, db: Queryable = this.pool): Promise<number> {
    const [row] = await rows<{ version: number | null }>(db, 'SELECT max(stream_version) AS version FROM events WHERE stream_id = $1', [streamId]);
    return row.version ?? 0;
  }

  /** The stream's version as it stood at `asOf` (by the events' occurredAt): 0 if it did not exist yet. */
  async versionAt(streamId: string, asOf: Date, db: Queryable = this.pool): Promise<number> {
    const [row] = await rows<{ version: number | null }>(
      db,
      `SELECT min(stream_version) - 1 AS version FROM events WHERE stream_id = $1 AND occurred_at > $2`,
      [streamId, asOf],
    );
    return row.version ?? (await this.streamVersion(streamId, db));
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}, db: Queryable = this.pool): Promise<RecordedEvent[]> {
    const found = await rows<EventRow>(
      db,
      `SELECT ${COLUMNS} FROM events WHERE stream_id = $1 AND stream_version >= $2 AND stream_version <= $3 ORDER BY stream_version`,
      [streamId, options.fromVersion ?? 1, options.toVersion ?? 2147483647],
    );
    return found.map((row) => this.toRecorded(row));
  }

  /**
   * Committed events after `after`, in (txid, position) order. Only transactions older than
   * the oldest one still running are visible, so a late commit with a lower position is
   * delivered after the checkpoint has moved past its position, never skipped.
   */
  async readAll(after: Checkpoint, limit = 1000, db: Queryable = this.pool): Promise<RecordedEvent[]> {
    const found = await rows<EventRow>(
      db,
      `SELECT ${COLUMNS} FROM events
        WHERE (txid, position) > ($1::xid8, $2::bigint)
          AND txid < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY events.txid, events.position -- qualified: the select list aliases them as text
        LIMIT $3`,
      [after.txid, after.position, limit],
    );
    return found.map((row) => this.toRecorded(row));
  }

  /** Recomputes every hash of the stream; names the first event whose content or link is wrong. */
  async verify(streamId: string, db: Queryable = this.pool): Promise<VerifyResult> {
    const found = await rows<EventRow>(db, `SELECT ${COLUMNS} FROM events WHERE stream_id = $1 ORDER BY stream_version`, [streamId]);
    let previous: Buffer | null = null;
    let checked = 0;
    for (const row of found) {
      const bad = (reason: string): VerifyResult => ({
        ok: false,
        checked,
        firstBadEvent: { eventId: row.event_id, streamVersion: row.stream_version, position: row.position, reason },
      });
      if (row.stream_version !== checked + 1) return bad(`expected version ${checked + 1}`);
      const storedPrev = row.prev_hash === null ? null : Buffer.from(row.prev_hash, 'hex');
      if (!sameHash(storedPrev, previous)) return bad('previous-hash link broken');
      const recomputed = chainHash(previous, row.stream_version, contentHash({
        eventId: row.event_id,
        streamId: row.stream_id,
        type: row.type,
        schemaVersion: row.schema_version,
        data: row.data,
        metadata: row.metadata,
        occurredAt: row.occurred_at,
      }));
      if (recomputed.toString('hex') !== row.hash) return bad('content does not match its hash');
      previous = recomputed;
      checked += 1;
    }
    return { ok: true, checked };
  }

  /** Stream ids in order, page by page (for `verify` over every chain and for rebuilds). */
  async listStreams(afterStreamId = '', limit = 1000, prefix = ''): Promise<string[]> {
    const found = await rows<{ stream_id: string }>(
      this.pool,
      `SELECT DISTINCT stream_id FROM events WHERE stream_id > $1 AND stream_id LIKE $2 || '%' ORDER BY stream_id LIMIT $3`,
      [afterStreamId, prefix, limit],
    );
    return found.map((row) => row.stream_id);
  }

  private toRecorded(row: EventRow): RecordedEvent {
    const { schemaVersion, data } = this.upcasters.isEmpty
      ? { schemaVersion: row.schema_version, data: row.data }
      : this.upcasters.apply(row.type, row.schema_version, row.data);
    return {
      eventId: row.event_id,
      type: row.type,
      schemaVersion,
      data,
      metadata: row.metadata,
      occurredAt: row.occurred_at,
      streamId: row.stream_id,
      streamVersion: row.stream_version,
      position: row.position,
      txid: row.txid,
      recordedAt: row.recorded_at,
      hash: row.hash,
      prevHash: row.prev_hash,
    };
  }
}

/** Thrown internally when an identical retry lost a race; append() turns it into a no-op result. */
class DuplicateAppend {
  constructor(readonly nextVersion: number) {}
}

function sameHash(a: Buffer | null, b: Buffer | null): boolean {
  if (a === null || b === null) return a === b;
  return a.equals(b);
}
