import type { Pool } from 'pg';
import { freshTestDatabase, testEvent } from '@rectify/test-kit';
import { ConcurrencyError } from './errors';
import { type Checkpoint, START } from './event.types';
import { migrateEventStore } from './migration';
import { PgEventStore } from './pg-event-store';

describe('PgEventStore (real PostgreSQL)', () => {
  let pool: Pool;
  let store: PgEventStore;

  beforeAll(async () => {
    ({ pool } = await freshTestDatabase('rectify_test_event_store', 60));
    await migrateEventStore(pool);
    store = new PgEventStore(pool);
  });
  afterAll(() => pool.end());

  it('lets exactly one of 50 concurrent appends at the same expected version succeed, leaving no gap or duplicate', async () => {
    await store.append('race-1', [testEvent('Started')], 0);
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => store.append('race-1', [testEvent('Raced', { writer: i }), testEvent('Raced2', { writer: i })], 1)),
    );
    const succeeded = results.filter((r) => r.status === 'fulfilled');
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(succeeded).toHaveLength(1);
    expect(failed).toHaveLength(49);
    for (const failure of failed) expect(failure.reason).toBeInstanceOf(ConcurrencyError);
    const versions = (await store.readStream('race-1')).map((e) => e.streamVersion);
    expect(versions).toEqual([1, 2, 3]);
  });

  it('commits concurrent appends on the pool together, each stream chained as if alone', async () => {
    const streams = Array.from({ length: 20 }, (_, i) => `group-${i}`);

    await Promise.all(streams.map((stream, i) => store.append(stream, [testEvent('Opened', { i }), testEvent('Noted', { i })], 0)));

    const { rows: written } = await pool.query<{ txids: number; events: number }>(
      'SELECT count(DISTINCT txid)::int AS txids, count(*)::int AS events FROM events WHERE stream_id = ANY($1)',
      [streams],
    );
    expect(written[0].events).toBe(40);
    expect(written[0].txids).toBeLessThan(20); // appends shared transactions
    for (const stream of streams) expect(await store.verify(stream)).toEqual({ ok: true, checked: 2 });
  });

  it('refuses only the conflicting append of a group; the others are written', async () => {
    await store.append('group-taken', [testEvent('Opened')], 0);
    const streams = Array.from({ length: 10 }, (_, i) => `group-x-${i}`);

    const results = await Promise.allSettled([
      ...streams.map((stream, i) => store.append(stream, [testEvent('Opened', { i })], 0)),
      store.append('group-taken', [testEvent('Opened', { again: true })], 0),
    ]);

    expect(results.slice(0, 10).map((r) => r.status === 'fulfilled' && r.value)).toEqual(streams.map(() => ({ nextVersion: 1, written: true })));
    expect(results[10]).toMatchObject({ status: 'rejected', reason: { actualVersion: 1, expectedVersion: 0 } });
    for (const stream of streams) expect(await store.verify(stream)).toEqual({ ok: true, checked: 1 });
    expect(await store.readStream('group-taken')).toHaveLength(1);
  });

  it('treats a retried append with the same event ids as a no-op', async () => {
    const events = [testEvent('A'), testEvent('B')];
    expect(await store.append('retry-1', events, 0)).toEqual({ nextVersion: 2, written: true });
    expect(await store.append('retry-1', events, 0)).toEqual({ nextVersion: 2, written: false });
    expect(await store.append('retry-1', events, 'any')).toEqual({ nextVersion: 2, written: false });
    expect(await store.readStream('retry-1')).toHaveLength(2);
  });

  it('refuses an append at a stale expected version with the actual version and writes nothing', async () => {
    await store.append('stale-1', [testEvent('A'), testEvent('B')], 0);
    await expect(store.append('stale-1', [testEvent('C')], 1)).rejects.toMatchObject({ actualVersion: 2, expectedVersion: 1 });
    expect(await store.streamVersion('stale-1')).toBe(2);
  });

  it('reads a stream between versions', async () => {
    await store.append('range-1', Array.from({ length: 5 }, (_, i) => testEvent('N', { i })), 0);
    const middle = await store.readStream('range-1', { fromVersion: 2, toVersion: 4 });
    expect(middle.map((e) => (e.data as { i: number }).i)).toEqual([1, 2, 3]);
  });

  it('does not let readAll skip a transaction that took a lower position but commits after later ones', async () => {
    const reader = async (from: Checkpoint) => store.readAll(from, 10_000);
    let checkpoint = await drain(reader, START);

    const slow = await pool.connect();
    await slow.query('BEGIN');
    await store.append('late-1', [testEvent('Late')], 0, slow); // takes the lower position, stays open
    await store.append('early-1', [testEvent('Early')], 0); // commits first with a higher position

    const whileOpen = await reader(checkpoint);
    expect(whileOpen.map((e) => e.streamId)).not.toContain('early-1'); // held back, not skipped past
    await slow.query('COMMIT');
    slow.release();

    const seen: string[] = [];
    checkpoint = await drain(reader, checkpoint, (ids) => seen.push(...ids));
    expect(seen.sort()).toEqual(['early-1', 'late-1']);
    const late = (await store.readStream('late-1'))[0];
    const early = (await store.readStream('early-1'))[0];
    expect(BigInt(late.position)).toBeLessThan(BigInt(early.position));
  });

  it('makes verify name the first event whose row was tampered with', async () => {
    await store.append('chain-1', Array.from({ length: 5 }, (_, i) => testEvent('Step', { i })), 0);
    expect(await store.verify('chain-1')).toEqual({ ok: true, checked: 5 });

    const [third] = await store.readStream('chain-1', { fromVersion: 3, toVersion: 3 });
    await pool.query(`UPDATE events SET data = '{"i":99}' WHERE event_id = $1`, [third.eventId]);

    const verdict = await store.verify('chain-1');
    expect(verdict).toMatchObject({ ok: false, checked: 2, firstBadEvent: { eventId: third.eventId, streamVersion: 3 } });
  });

  it('detects a deleted event as a broken chain at the event after the gap', async () => {
    await store.append('chain-2', Array.from({ length: 4 }, (_, i) => testEvent('Step', { i })), 0);
    const [second, third] = await store.readStream('chain-2', { fromVersion: 2, toVersion: 3 });
    await pool.query('DELETE FROM events WHERE event_id = $1', [second.eventId]);
    expect(await store.verify('chain-2')).toMatchObject({ ok: false, firstBadEvent: { eventId: third.eventId } });
  });
});

async function drain(
  read: (from: Checkpoint) => Promise<{ txid: string; position: string; streamId: string }[]>,
  from: Checkpoint,
  onBatch: (streamIds: string[]) => void = () => undefined,
): Promise<Checkpoint> {
  let checkpoint = from;
  for (let batch = await read(checkpoint); batch.length > 0; batch = await read(checkpoint)) {
    onBatch(batch.map((e) => e.streamId));
    const last = batch[batch.length - 1];
    checkpoint = { txid: last.txid, position: last.position };
  }
  return checkpoint;
}
