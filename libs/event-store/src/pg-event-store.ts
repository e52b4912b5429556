import type { Pool } from 'pg';
import { ConcurrencyError } from './errors';
import type { AppendResult, Checkpoint, EventMetadata, ExpectedVersion, NewEvent, RecordedEvent, StreamEvent } from './event.types';
import { GroupCommit } from './group-commit';
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
  /** Clients whose transaction appended: the listeners hear of it when the pool gets them back. */
  private readonly appendedIn = new WeakSet<object>();
  private watchingReleases = false;
  /** Appends on the pool at a known head: concurrent ones share one INSERT (see GroupCommit). */
  private readonly groupCommit = new GroupCommit<ChainedAppend, StreamHead>(
    (appends) => this.insertChained(appends, this.pool).then(() => appends.map((append) => append.last)),
    (append) => this.insertChained([append], this.pool).then(() => append.last),
    // 10 parameters a row: 1,000 rows stay far below PostgreSQL's 65,535 per statement.
    { weigh: (append) => append.rows.length, maxWeight: 1000 },
  );

  constructor(
    readonly pool: Pool,
    options: EventStoreOptions = {},
  ) {
    this.upcasters = new UpcasterChain(options.upcasters);
  }

  /**
   * Appends in one statement (one transaction unless `db` is the caller's). A stream not at
   * `expected` is a ConcurrencyError; retrying with event ids that are already stored in this
   * stream is a no-op (`written: false`). Concurrent appends on the pool may share their
   * statement and transaction with other streams' appends (group commit), never their outcome.
   */
  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion, db: Queryable = this.pool): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    const serialized = events.map((e) => ({ event: e, dataJson: JSON.stringify(e.data), metadataJson: JSON.stringify(e.metadata) }));
    const contents = serialized.map(({ event, dataJson, metadataJson }) => contentHash({ ...event, streamId, dataJson, metadataJson }));
    const head = expected === 0 ? null : expected === 'any' ? undefined : this.heads.get(streamId);
    try {
      const knownHead = head !== undefined && (head === null || head.version === expected);
      const last = knownHead
        ? await this.insertAfterKnownHead(chainAfter(head, streamId, serialized, contents), db)
        : await this.insertViaFunction(streamId, serialized, contents, expected, db);
      if (db === this.pool) {
        this.heads.set(streamId, last);
        this.notifyAppended();
      } else {
        this.tellWhenReleased(db);
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
   * Called after each append this store committed itself, and when the pool gets back a client
   * whose transaction appended (committed, or rolled back: then a listener finds nothing new).
   * Lets the relay and projections in this process react at once instead of waiting for their
   * next poll. Returns the unsubscribe.
   */
  onAppended(listener: () => void): () => void {
    this.appendListeners.add(listener);
    return () => this.appendListeners.delete(listener);
  }

  private tellWhenReleased(client: object): void {
    if (this.appendedIn.has(client)) return;
    // Listening from the first such append only: most stores never append inside a transaction.
    if (!this.watchingReleases) {
      this.watchingReleases = true;
      // A caller's transaction ends (COMMIT or ROLLBACK) before its client goes back to the pool.
      this.pool.on('release', (_error: Error | undefined, released: object) => {
        if (this.appendedIn.delete(released)) this.notifyAppended();
      });
    }
    this.appendedIn.add(client);
  }

  private notifyAppended(): void {
    for (const listener of this.appendListeners) listener();
  }

  private async insertAfterKnownHead(append: ChainedAppend, db: Queryable): Promise<StreamHead> {
    // On the pool, concurrent appends share one INSERT; inside a caller's transaction, alone.
    if (db === this.pool) return this.groupCommit.write(append);
    await this.insertChained([append], db);
    return append.last;
  }

  /** One INSERT of the rows of every append (plain VALUES: cheaper for the server than unnest()). */
  private async insertChained(appends: readonly ChainedAppend[], db: Queryable): Promise<void> {
    const values: unknown[] = [];
    const tuples: string[] = [];
    for (const append of appends) {
      for (const row of append.rows) {
        const at = values.push(...row) - row.length;
        tuples.push(`(${row.map((_, i) => `$${at + i + 1}`).join(',')})`);
      }
    }
    await db.query(
      `INSERT INTO events (stream_id, stream_version, event_id, type, schema_version, data, metadata, occurred_at, hash, prev_hash)
       VALUES ${tuples.join(',')}`,
      values,
    );
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

  /**
   * Starts several streams in one INSERT: a consumer opening a case per finding of a batch pays
   * one round trip for all. Every stream must be new; if one exists already the statement (and
   * the caller's transaction) fails with a unique violation and nothing is written.
   */
  async appendToNewStreams(streams: ReadonlyArray<{ streamId: string; events: readonly NewEvent[] }>, db: Queryable = this.pool): Promise<void> {
    const appends = streams.map(({ streamId, events }) => {
      if (events.length === 0) throw new Error('append needs at least one event');
      const serialized = events.map((e) => ({ event: e, dataJson: JSON.stringify(e.data), metadataJson: JSON.stringify(e.metadata) }));
      const contents = serialized.map(({ event, dataJson, metadataJson }) => contentHash({ ...event, streamId, dataJson, metadataJson }));
      return chainAfter(null, streamId, serialized, contents);
    });
    // 10 parameters a row: 1,000 rows a statement stay far below PostgreSQL's 65,535.
    let statement: ChainedAppend[] = [];
    let rowCount = 0;
    for (const append of appends) {
      if (statement.length > 0 && rowCount + append.rows.length > 1000) {
        await this.insertChained(statement, db);
        statement = [];
        rowCount = 0;
      }
      statement.push(append);
      rowCount += append.rows.length;
    }
    if (statement.length > 0) await this.insertChained(statement, db);
    if (db === this.pool) {
      appends.forEach((append, i) => this.heads.set(streams[i].streamId, append.last));
      this.notifyAppended();
    } else {
      this.tellWhenReleased(db);
    }
  }

  /** The current version of each stream (0: no such stream), in one query. */
  async streamVersions(streamIds: readonly string[], db: Queryable = this.pool): Promise<Map<string, number>> {
    const found = await rows<{ stream_id: string; version: number }>(
      db,
      'SELECT stream_id, max(stream_version) AS version FROM events WHERE stream_id = ANY($1) GROUP BY stream_id',
      [streamIds],
    );
    const versions = new Map(streamIds.map((id) => [id, 0]));
    for (const row of found) versions.set(row.stream_id, row.version);
    return versions;
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
      // Prepared once per connection: the relay and the projections run it many times a second.
      'rectify_read_all',
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

/** `name`: a statement run often with the same text, prepared once per connection. */
async function arrayRows(db: Queryable, text: string, values: unknown[], name?: string): Promise<EventRow[]> {
  return (await db.query<EventRow>({ text, values, rowMode: 'array', ...(name ? { name } : {}) })).rows;
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

/** The rows of an append after a known head, hashes chained in Node, and the head it leaves. */
interface ChainedAppend {
  rows: unknown[][];
  last: StreamHead;
}

function chainAfter(head: StreamHead | null, streamId: string, events: readonly Serialized[], contents: Buffer[]): ChainedAppend {
  const first = (head?.version ?? 0) + 1;
  let previous = head?.hash ?? null;
  const rows = events.map(({ event: e, dataJson, metadataJson }, i) => {
    const prev = previous;
    previous = chainHash(prev, first + i, contents[i]);
    return [streamId, first + i, e.eventId, e.type, e.schemaVersion, dataJson, metadataJson, e.occurredAt, previous, prev];
  });
  return { rows, last: { version: first + events.length - 1, hash: previous as Buffer } };
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
