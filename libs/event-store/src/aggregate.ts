import type { StreamEvent } from './event.types';
import type { PgEventStore } from './pg-event-store';
import { type Queryable, rows } from './queryable';

/**
 * A fold over one stream. `name` and `version` identify the reducer for snapshots: bump
 * `version` whenever `evolve` or the state's shape changes, and old snapshots are ignored.
 * State must survive JSON (use ISO strings, not Dates) because snapshots are stored as jsonb.
 */
export interface Reducer<State> {
  name: string;
  version: number;
  initialState: () => State;
  evolve: (state: State, event: StreamEvent) => State;
  /** Set when evolve reads `event.metadata` (the actor, correlation): it costs a column per event. */
  readsMetadata?: boolean;
}

export interface LoadOptions {
  /** Load the state as of this version (time travel). */
  toVersion?: number;
  /** Load the state as it stood at this instant (by occurredAt). */
  asOf?: Date;
  /** Write a snapshot every N versions while folding (0 or absent: never). */
  snapshotEvery?: number;
  /** Read snapshots at all (false proves a result without them). */
  useSnapshots?: boolean;
}

export interface Loaded<State> {
  state: State;
  version: number;
  events: number;
}

/** Loads state from the latest usable snapshot plus the events after it. */
export async function loadState<State>(
  store: PgEventStore,
  streamId: string,
  reducer: Reducer<State>,
  options: LoadOptions = {},
  db: Queryable = store.pool,
): Promise<Loaded<State>> {
  const target = options.asOf ? await store.versionAt(streamId, options.asOf, db) : options.toVersion;
  const reducerKey = `${reducer.name}@${reducer.version}`;
  const snapshot = options.useSnapshots === false ? undefined : await latestSnapshot<State>(db, streamId, reducerKey, target);

  let state = snapshot ? snapshot.state : reducer.initialState();
  let version = snapshot ? snapshot.version : 0;
  const events = await store.readStreamForFold(streamId, { fromVersion: version + 1, toVersion: target, metadata: reducer.readsMetadata }, db);
  let toSnapshot: { version: number; state: State } | undefined;
  for (const event of events) {
    state = reducer.evolve(state, event);
    version = event.streamVersion;
    if (options.snapshotEvery && version % options.snapshotEvery === 0) toSnapshot = { version, state };
  }
  if (toSnapshot) await saveSnapshot(db, streamId, reducerKey, toSnapshot.version, toSnapshot.state);
  return { state, version, events: events.length };
}

async function latestSnapshot<State>(db: Queryable, streamId: string, reducer: string, atMost?: number): Promise<{ version: number; state: State } | undefined> {
  const [row] = await rows<{ version: number; state: State }>(
    db,
    `SELECT version, state FROM snapshots WHERE stream_id = $1 AND reducer = $2 AND version <= $3
      ORDER BY version DESC LIMIT 1`,
    [streamId, reducer, atMost ?? 2147483647],
  );
  return row;
}

async function saveSnapshot<State>(db: Queryable, streamId: string, reducer: string, version: number, state: State): Promise<void> {
  await db.query(
    `INSERT INTO snapshots (stream_id, reducer, version, state) VALUES ($1, $2, $3, $4)
     ON CONFLICT (stream_id, reducer, version) DO NOTHING`,
    [streamId, reducer, version, JSON.stringify(state)],
  );
}
