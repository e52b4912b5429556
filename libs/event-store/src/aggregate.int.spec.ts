import type { Pool } from 'pg';
import { freshTestDatabase, testEvent } from '@rectify/test-kit';
import { loadState, type Reducer } from './aggregate';
import type { RecordedEvent } from './event.types';
import { migrateEventStore } from './migration';
import { PgEventStore } from './pg-event-store';
import { ProjectionRunner, readCheckpoint } from './projection-runner';

interface Counter {
  total: number;
  last: number | null;
}

const counter: Reducer<Counter> = {
  name: 'counter',
  version: 1,
  initialState: () => ({ total: 0, last: null }),
  evolve: (state, event) => ({ total: state.total + (event.data as { n: number }).n, last: (event.data as { n: number }).n }),
};

describe('loading state, time travel, snapshots and projections (real PostgreSQL)', () => {
  let pool: Pool;
  let store: PgEventStore;
  const day = (d: number) => new Date(Date.UTC(2026, 0, d));

  beforeAll(async () => {
    ({ pool } = await freshTestDatabase('rectify_test_event_store_load'));
    await migrateEventStore(pool);
    store = new PgEventStore(pool);
    await store.append('count-1', Array.from({ length: 30 }, (_, i) => testEvent('Added', { n: i + 1 }, day(i + 1))), 0);
  });
  afterAll(() => pool.end());

  it('loads the state as of a version', async () => {
    const { state, version } = await loadState(store, 'count-1', counter, { toVersion: 10 });
    expect(version).toBe(10);
    expect(state).toEqual({ total: 55, last: 10 });
  });

  it('loads the state as it stood at an instant, by the events occurredAt', async () => {
    const { state, version } = await loadState(store, 'count-1', counter, { asOf: new Date(day(4).getTime() + 3600_000) });
    expect(version).toBe(4);
    expect(state).toEqual({ total: 10, last: 4 });
    expect((await loadState(store, 'count-1', counter, { asOf: day(0) })).version).toBe(0);
  });

  it('gives the same state with and without snapshots, at every version', async () => {
    await loadState(store, 'count-1', counter, { snapshotEvery: 7 });
    const { rows: snapshots } = await pool.query("SELECT version FROM snapshots WHERE stream_id = 'count-1'");
    expect(snapshots.map((r) => r.version)).toEqual([28]);
    await loadState(store, 'count-1', counter, { toVersion: 14, snapshotEvery: 7, useSnapshots: false });
    for (let v = 1; v <= 30; v++) {
      const withSnapshots = await loadState(store, 'count-1', counter, { toVersion: v });
      const without = await loadState(store, 'count-1', counter, { toVersion: v, useSnapshots: false });
      expect(withSnapshots.state).toEqual(without.state);
      expect(withSnapshots.version).toBe(v);
    }
    const fromSnapshot = await loadState(store, 'count-1', counter);
    expect(fromSnapshot.events).toBe(2); // versions 29 and 30 after the snapshot at 28
  });

  it('hands metadata to a reducer only when it reads metadata', async () => {
    const actors: (string | undefined)[] = [];
    const recordActors = (readsMetadata: boolean): Reducer<Counter> => ({
      ...counter,
      name: `actors-${readsMetadata}`,
      readsMetadata,
      evolve: (state, event) => {
        actors.push(event.metadata?.actor.id);
        return counter.evolve(state, event);
      },
    });
    await loadState(store, 'count-1', recordActors(true), { toVersion: 2 });
    await loadState(store, 'count-1', recordActors(false), { toVersion: 2 });
    expect(actors).toEqual(['test-user', 'test-user', undefined, undefined]);
  });

  it('ignores snapshots of another reducer version', async () => {
    const changed: Reducer<Counter> = { ...counter, version: 2, evolve: (s, e) => ({ ...counter.evolve(s, e), total: s.total + 1 }) };
    expect((await loadState(store, 'count-1', changed)).state.total).toBe(30);
  });

  it('applies upcasters on read without rewriting the stored row', async () => {
    const upcasting = new PgEventStore(pool, { upcasters: [{ type: 'Renamed', fromSchemaVersion: 1, upcast: (d) => ({ fullName: (d as { name: string }).name }) }] });
    await store.append('upcast-1', [testEvent('Renamed', { name: 'Li' })], 0);
    const [event] = await upcasting.readStream('upcast-1');
    expect(event).toMatchObject({ schemaVersion: 2, data: { fullName: 'Li' } });
    expect(await upcasting.verify('upcast-1')).toEqual({ ok: true, checked: 1 });
  });

  it('moves a projection checkpoint in the same transaction as its writes, and rolls both back together', async () => {
    await pool.query('CREATE TABLE IF NOT EXISTS seen (event_id uuid PRIMARY KEY)');
    let failNext = true;
    const projection = {
      name: 'seen-events',
      apply: async (events: readonly RecordedEvent[], tx: import('pg').PoolClient) => {
        for (const e of events) await tx.query('INSERT INTO seen VALUES ($1)', [e.eventId]);
        if (failNext) {
          failNext = false;
          throw new Error('crash in the middle of a batch');
        }
      },
    };
    const runner = new ProjectionRunner(store, projection, 10);
    await expect(runner.catchUp()).rejects.toThrow('crash');
    expect((await pool.query('SELECT count(*)::int AS n FROM seen')).rows[0].n).toBe(0);
    expect(await readCheckpoint(pool, 'seen-events')).toEqual({ txid: '0', position: '0' });

    // readAll holds back events while any older transaction in the cluster is open (another
    // suite may hold one), so keep catching up until everything committed is applied.
    const total = (await pool.query('SELECT count(*)::int AS n FROM events')).rows[0].n;
    let applied = 0;
    for (const deadline = Date.now() + 20_000; applied < total && Date.now() < deadline; ) applied += await runner.catchUp();
    expect(applied).toBe(total);
    expect((await pool.query('SELECT count(*)::int AS n FROM seen')).rows[0].n).toBe(total);
    expect(await runner.catchUp()).toBe(0);
  });
});
