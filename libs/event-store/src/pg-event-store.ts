import type { Pool } from 'pg';
import { ConcurrencyError } from './errors';
import type { AppendResult, Checkpoint, EventMetadata, ExpectedVersion, NewEvent, RecordedEvent, StreamEvent } from './event.types';
import { chainHash, contentHash } from './hash-chain';
import { type Queryable, rows } from './queryable';
import { type StreamHead, StreamHeads } from './stream-heads';
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

/**
 * Rows are read in array mode with JSON as text and times as epoch milliseconds: parsing them
 * here is about twice as fast as pg's per-column type parsers on long streams.
 */
const COLUMNS = `position::text, txid::text, stream_id, stream_version, event_id::text, type, schema_version,
  data::text, metadata::text, date_part('epoch', occurred_at) * 1000, date_part('epoch', recorded_at) * 1000`;

/** What a fold needs: metadata (half the bytes of a typical row) only when asked for. */
const FOLD_COLUMNS = (withMetadata: boolean) => `position::text, stream_version, event_id::text, type, schema_version,
  data::text, date_part('epoch', occurred_at) * 1000${withMetadata ? ', metadata::text' : ''}`;

type FoldRow = [string, number, string, string, number, string, number, string?];

type EventRow = [string, string, string, number, string, string, number, string, string, number, number];

const UNIQUE_VIOLATION = '23505';

export class PgEventStore {
  private readonly upcasters: UpcasterChain;
  private readonly heads = new StreamHeads();
  private readonly appendListeners = new Set<() => void>();

  constructor(
    readonly pool: Pool,
    options: EventStoreOptions = {},
  ) {
    this.upcasters = new UpcasterChain(options.upcasters);
  }

  /**
   * Appends in one statement (one transaction unless `db` is the caller's). A stream not at
   * `expected` is a ConcurrencyError; retrying with event ids that are already stored in this
   * stream is a no-op (`written: false`).
   */
  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion, db: Queryable = this.pool): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    const serialized = events.map((e) => ({ event: e, dataJson: JSON.stringify(e.data), metadataJson: JSON.stringify(e.metadata) }));
    const contents = serialized.map(({ event, dataJson, metadataJson }) => contentHash({ ...event, streamId, dataJson, metadataJson }));
    const head = expected === 0 ? null : expected === 'any' ? undefined : this.heads.get(streamId);
    try {
      const last = head !== undefined && (head === null || head.version === expected)
        ? await this.insertAfterKnownHead(streamId, serialized, contents, head, db)
        : await this.insertViaFunction(streamId, serialized, contents, expected, db);
      if (db === this.pool) {
        this.heads.set(streamId, last);
        for (const listener of this.appendListeners) listener();
      }
      return { nextVersion: last.version, written: true };
    } catch (error) {
      this.heads.forget(streamId);
      const duplicate = await this.storedAlready(error, streamId, events, db);
      if (duplicate !== undefined) return { nextVersion: duplicate, written: false };
      throw await this.asConcurrencyError(error, streamId, expected);
    }
  }

  /**
   * Called after each append this store committed itself (not those inside a caller's
   * transaction: their caller knows when it commits). Lets the relay and projections in this
   * process react at once instead of waiting for their next poll. Returns the unsubscribe.
   */
  onAppended(listener: () => void): () => void {
    this.appendListeners.add(listener);
    return () => this.appendListeners.delete(listener);
  }

  private async insertAfterKnownHead(streamId: string, events: readonly Serialized[], contents: Buffer[], head: StreamHead | null, db: Queryable): Promise<StreamHead> {
    const first = (head?.version ?? 0) + 1;
    const hashes: Buffer[] = [];
    const prevs: (Buffer | null)[] = [];
    let previous = head?.hash ?? null;
    contents.forEach((content, i) => {
      prevs.push(previous);
      previous = chainHash(previous, first + i, content);
      hashes.push(previous);
    });
    // Plain VALUES: cheaper for the server than unnest() over array literals.
    const values: unknown[] = [];
    const tuples = events.map(({ event: e, dataJson, metadataJson }, i) => {
      const at = values.push(streamId, first + i, e.eventId, e.type, e.schemaVersion, dataJson, metadataJson, e.occurredAt, hashes[i], prevs[i]) - 10;
      return `($${at + 1},$${at + 2},$${at + 3},$${at + 4},$${at + 5},$${at + 6},$${at + 7},$${at + 8},$${at + 9},$${at + 10})`;
    });
    await db.query(
      `INSERT INTO events (stream_id, stream_version, event_id, type, schema_version, data, metadata, occurred_at, hash, prev_hash)
       VALUES ${tuples.join(',')}`,
      values,
    );
    return { version: first + events.length - 1, hash: previous as unknown as Buffer };
  }

  private async insertViaFunction(streamId: string, events: readonly Serialized[], contents: Buffer[], expected: ExpectedVersion, db: Queryable): Promise<StreamHead> {
    const [row] = await rows<{ next_version: number; last_hash: Buffer }>(
      db,
      'SELECT next_version, last_hash FROM event_store_append($1, $2, $3, $4, $5, $6::json[], $7::json[], $8, $9)',
      [streamId, expected === 'any' ? null : expected, ...eventColumns(events), contents],
    );
    return { version: row.next_version, hash: row.last_hash };
  }

  /** An identical earlier append (a retry) already stored these events: its version, else undefined. */
  private async storedAlready(error: unknown, streamId: string, events: readonly NewEvent[], db: Queryable): Promise<number | undefined> {
    const code = (error as { code?: string }).code;
    const mayBeRetry = code === 'RX409' || code === UNIQUE_VIOLATION;
    // Inside the caller's transaction the failed statement aborted it; only the pool can look.
    if (!mayBeRetry || db !== this.pool) return undefined;
    const [row] = await rows<{ stored: number; version: number }>(
      this.pool,
      'SELECT count(*)::int AS stored, max(stream_version) AS version FROM events WHERE event_id = ANY($1) AND stream_id = $2',
      [events.map((e) => e.eventId), streamId],
    );
    return row.stored === events.length ? await this.streamVersion(streamId) : undefined;
  }

  private async asConcurrencyError(error: unknown, streamId: string, expected: ExpectedVersion): Promise<unknown> {
    const pgError = error as { code?: string; constraint?: string; message?: string };
    if (pgError.code === 'RX409') return new ConcurrencyError(streamId, expected, Number(pgError.message));
    if (pgError.code === UNIQUE_VIOLATION && pgError.constraint === 'events_stream_version_uk') {
      // A concurrent writer took the version first.
      return new ConcurrencyError(streamId, expected, await this.streamVersion(streamId));
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
    const found = await arrayRows(
      db,
      `SELECT ${COLUMNS} FROM events WHERE stream_id = $1 AND stream_version >= $2 AND stream_version <= $3 ORDER BY stream_version`,
      [streamId, options.fromVersion ?? 1, options.toVersion ?? 2147483647],
    );
    return found.map((row) => this.toRecorded(row));
  }

  /** A stream's events for folding into state (loadState): fewer columns, metadata on request. */
  async readStreamForFold(streamId: string, options: ReadStreamOptions & { metadata?: boolean } = {}, db: Queryable = this.pool): Promise<StreamEvent[]> {
    const found = (
      await db.query<FoldRow>({
        text: `SELECT ${FOLD_COLUMNS(options.metadata === true)} FROM events
                WHERE stream_id = $1 AND stream_version >= $2 AND stream_version <= $3 ORDER BY stream_version`,
        values: [streamId, options.fromVersion ?? 1, options.toVersion ?? 2147483647],
        rowMode: 'array',
      })
    ).rows;
    return found.map(([position, streamVersion, eventId, type, storedVersion, dataText, occurredMs, metadataText]) => {
      const { schemaVersion, data } = this.upcast(type, storedVersion, JSON.parse(dataText));
      return {
        eventId,
        type,
        schemaVersion,
        data,
        streamId,
        streamVersion,
        position,
        occurredAt: new Date(occurredMs),
        ...(metadataText === undefined ? {} : { metadata: JSON.parse(metadataText) as EventMetadata }),
      };
    });
  }

  /**
   * Committed events after `after`, in (txid, position) order. Only transactions older than
   * the oldest one still running are visible, so a late commit with a lower position is
   * delivered after the checkpoint has moved past its position, never skipped.
   */
  async readAll(after: Checkpoint, limit = 1000, db: Queryable = this.pool): Promise<RecordedEvent[]> {
    const found = await arrayRows(
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
    const found = await rows<ChainRow>(
      db,
      `SELECT position::text AS position, stream_id, stream_version, event_id, type, schema_version,
              data::text AS data, metadata::text AS metadata, occurred_at, hash, prev_hash
         FROM events WHERE stream_id = $1 ORDER BY stream_version`,
      [streamId],
    );
    let previous: Buffer | null = null;
    let checked = 0;
    for (const row of found) {
      const bad = (reason: string): VerifyResult => ({
        ok: false,
        checked,
        firstBadEvent: { eventId: row.event_id, streamVersion: row.stream_version, position: row.position, reason },
      });
      if (row.stream_version !== checked + 1) return bad(`expected version ${checked + 1}`);
      if (!sameHash(row.prev_hash, previous)) return bad('previous-hash link broken');
      const recomputed = chainHash(previous, row.stream_version, contentHash({
        eventId: row.event_id,
        streamId: row.stream_id,
        type: row.type,
        schemaVersion: row.schema_version,
        dataJson: row.data,
        metadataJson: row.metadata,
        occurredAt: row.occurred_at,
      }));
      if (!recomputed.equals(row.hash)) return bad('content does not match its hash');
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

  private upcast(type: string, schemaVersion: number, data: unknown): { schemaVersion: number; data: unknown } {
    return this.upcasters.isEmpty ? { schemaVersion, data } : this.upcasters.apply(type, schemaVersion, data);
  }

  private toRecorded(row: EventRow): RecordedEvent {
    const [position, txid, streamId, streamVersion, eventId, type, storedVersion, dataText, metadataText, occurredMs, recordedMs] = row;
    const { schemaVersion, data } = this.upcast(type, storedVersion, JSON.parse(dataText));
    return {
      eventId,
      type,
      schemaVersion,
      data,
      metadata: JSON.parse(metadataText) as NewEvent['metadata'],
      occurredAt: new Date(occurredMs),
      streamId,
      streamVersion,
      position,
      txid,
      recordedAt: new Date(recordedMs),
    };
  }
}

interface ChainRow {
  position: string;
  stream_id: string;
  stream_version: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
  occurred_at: Date;
  hash: Buffer;
  prev_hash: Buffer | null;
}

async function arrayRows(db: Queryable, text: string, values: unknown[]): Promise<EventRow[]> {
  return (await db.query<EventRow>({ text, values, rowMode: 'array' })).rows;
}

function sameHash(a: Buffer | null, b: Buffer | null): boolean {
  if (a === null || b === null) return a === b;
  return a.equals(b);
}

interface Serialized {
  event: NewEvent;
  dataJson: string;
  metadataJson: string;
}

function eventColumns(events: readonly Serialized[]): unknown[] {
  return [
    events.map((s) => s.event.eventId),
    events.map((s) => s.event.type),
    events.map((s) => s.event.schemaVersion),
    events.map((s) => s.dataJson),
    events.map((s) => s.metadataJson),
    events.map((s) => s.event.occurredAt),
  ];
}
