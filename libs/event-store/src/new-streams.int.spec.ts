import type { Pool } from 'pg';
import { freshTestDatabase, testEvent } from '@rectify/test-kit';
import { migrateEventStore } from './migration';
import { PgEventStore } from './pg-event-store';
import { withTransaction } from './queryable';

describe('PgEventStore.appendToNewStreams (real PostgreSQL)', () => {
  let pool: Pool;
  let store: PgEventStore;

  beforeAll(async () => {
    ({ pool } = await freshTestDatabase('rectify_test_event_store_new_streams', 4));
    await migrateEventStore(pool);
    store = new PgEventStore(pool);
  });
  afterAll(() => pool.end());

  it('starts several streams in one statement of the caller\'s transaction, each chained as if alone', async () => {
    const streams = ['new-1', 'new-2', 'new-3'];
    await withTransaction(pool, (tx) =>
      store.appendToNewStreams(streams.map((streamId, i) => ({ streamId, events: [testEvent('Opened', { i }), testEvent('Assigned', { i })] })), tx),
    );

    expect(await store.streamVersions([...streams, 'never-written'])).toEqual(new Map([['new-1', 2], ['new-2', 2], ['new-3', 2], ['never-written', 0]]));
    for (const streamId of streams) expect(await store.verify(streamId)).toEqual({ ok: true, checked: 2 });
    const { rows } = await pool.query('SELECT count(DISTINCT txid)::int AS n FROM events WHERE stream_id = ANY($1)', [streams]);
    expect(rows[0].n).toBe(1);
  });

  it('writes nothing when one of the streams exists already', async () => {
    await store.append('taken-1', [testEvent('Opened')], 0);

    const attempt = withTransaction(pool, (tx) =>
      store.appendToNewStreams([{ streamId: 'fresh-1', events: [testEvent('Opened')] }, { streamId: 'taken-1', events: [testEvent('Opened')] }], tx),
    );

    await expect(attempt).rejects.toMatchObject({ code: '23505' });
    expect(await store.streamVersions(['fresh-1', 'taken-1'])).toEqual(new Map([['fresh-1', 0], ['taken-1', 1]]));
  });
});
