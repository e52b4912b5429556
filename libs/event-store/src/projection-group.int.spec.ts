import type { Pool, PoolClient } from 'pg';
import { freshTestDatabase, testEvent } from '@rectify/test-kit';
import type { RecordedEvent } from './event.types';
import { migrateEventStore } from './migration';
import { PgEventStore } from './pg-event-store';
import { ProjectionGroup } from './projection-group';
import { readCheckpoint } from './projection-runner';

/** Records (projection, event) rows; `failing` makes it throw after writing, inside the batch. */
function recorder(name: string, state: { failing: boolean; transactions: Set<number> }) {
  return {
    name,
    apply: async (events: readonly RecordedEvent[], tx: PoolClient) => {
      const { rows } = await tx.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid');
      state.transactions.add(Number(rows[0].xid));
      await tx.query('INSERT INTO seen (projection, event_id) SELECT $1, unnest($2::uuid[])', [name, events.map((e) => e.eventId)]);
      if (state.failing) throw new Error(`${name} cannot apply this batch`);
    },
  };
}

describe('ProjectionGroup (real PostgreSQL)', () => {
  let pool: Pool;
  let store: PgEventStore;

  beforeAll(async () => {
    ({ pool } = await freshTestDatabase('rectify_test_projection_group'));
    await migrateEventStore(pool);
    await pool.query('CREATE TABLE seen (projection text NOT NULL, event_id uuid NOT NULL, PRIMARY KEY (projection, event_id))');
    store = new PgEventStore(pool);
  });
  afterAll(() => pool.end());

  const seen = async (projection: string) => (await pool.query('SELECT count(*)::int AS n FROM seen WHERE projection = $1', [projection])).rows[0].n as number;
  const total = async () => (await pool.query('SELECT count(*)::int AS n FROM events')).rows[0].n as number;
  /** The log is read below the cluster's oldest open transaction: keep going until all is applied. */
  async function catchUpAll(group: ProjectionGroup, names: string[]): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      await group.catchUp();
      const counts = await Promise.all(names.map(seen));
      if (counts.every((n) => n === counts[0]) && counts[0] === (await total())) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('projections did not catch up in 20 s');
  }

  it('applies each batch to every projection in one transaction and moves all their checkpoints', async () => {
    await store.append('group-1', Array.from({ length: 12 }, (_, i) => testEvent('Added', { n: i })), 0);
    const a = { failing: false, transactions: new Set<number>() };
    const b = { failing: false, transactions: new Set<number>() };
    const group = new ProjectionGroup(store, [recorder('a', a), recorder('b', b)], 5);
    await catchUpAll(group, ['a', 'b']);
    expect(await seen('a')).toBe(12);
    expect(await seen('b')).toBe(12);
    // Batches of 5: three rounds, each one transaction shared by both projections.
    expect([...a.transactions]).toEqual([...b.transactions]);
    expect(a.transactions.size).toBe(3);
    expect(await readCheckpoint(pool, 'a')).toEqual(await readCheckpoint(pool, 'b'));
    expect(await group.catchUp()).toBe(0);
  });

  it('lets a projection added later backfill on its own, then joins it to the shared rounds', async () => {
    const c = { failing: false, transactions: new Set<number>() };
    const a = { failing: false, transactions: new Set<number>() };
    const b = { failing: false, transactions: new Set<number>() };
    const group = new ProjectionGroup(store, [recorder('a', a), recorder('b', b)], 5);
    group.add([recorder('c', c)]);
    await catchUpAll(group, ['a', 'b', 'c']);
    expect(await seen('c')).toBe(await total());
    expect(a.transactions.size).toBe(0);

    await store.append('group-2', [testEvent('Added', { n: 1 })], 0);
    await catchUpAll(group, ['a', 'b', 'c']);
    expect(a.transactions.size).toBe(1);
    expect([...c.transactions]).toContain([...a.transactions][0]);
  });

  it('keeps the other projections moving while one cannot apply a batch, and rolls back its writes', async () => {
    const a = { failing: false, transactions: new Set<number>() };
    const b = { failing: true, transactions: new Set<number>() };
    const c = { failing: false, transactions: new Set<number>() };
    const group = new ProjectionGroup(store, [recorder('a', a), recorder('b', b), recorder('c', c)], 5);
    await store.append('group-3', [testEvent('Added', { n: 1 }), testEvent('Added', { n: 2 })], 0);
    const before = await seen('b');
    const deadline = Date.now() + 20_000;
    while ((await seen('a')) < (await total()) && Date.now() < deadline) await group.catchUp().catch(() => undefined);
    expect(await seen('a')).toBe(await total());
    expect(await seen('c')).toBe(await total());
    expect(await seen('b')).toBe(before);

    b.failing = false;
    await catchUpAll(group, ['a', 'b', 'c']);
    expect(await seen('b')).toBe(await total());
  });

  it("keeps up in a daemon's round: reads on only while batches come full, never once more for nothing", async () => {
    const k = { failing: false, transactions: new Set<number>() };
    const group = new ProjectionGroup(store, [recorder('k', k)], 5);
    await catchUpAll(group, ['k']);
    const reads = jest.spyOn(store, 'readAll');
    try {
      /** The first round that finds the append (another test's open transaction can hide it a moment). */
      const roundThatFinds = async () => {
        for (const deadline = Date.now() + 20_000; Date.now() < deadline; ) {
          reads.mockClear();
          const applied = await group.keepUp();
          if (applied > 0) return applied;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        throw new Error('the append did not become visible in 20 s');
      };

      await store.append('group-keep-up-1', [testEvent('Added', { n: 1 }), testEvent('Added', { n: 2 })], 0);
      expect(await roundThatFinds()).toBe(2);
      expect(reads).toHaveBeenCalledTimes(1);

      // A backlog of 12 in batches of 5: full, full, then 2 — three reads, the last one not full.
      await store.append('group-keep-up-2', Array.from({ length: 12 }, (_, i) => testEvent('Added', { n: i })), 0);
      expect(await roundThatFinds()).toBe(12);
      expect(reads).toHaveBeenCalledTimes(3);
      expect(await seen('k')).toBe(await total());
    } finally {
      reads.mockRestore();
    }
  });

  it('notices a checkpoint reset from outside (a rebuild) within a second, without a new event', async () => {
    const a = { failing: false, transactions: new Set<number>() };
    const group = new ProjectionGroup(store, [recorder('a', a)], 500);
    await catchUpAll(group, ['a']);
    await pool.query(`DELETE FROM seen WHERE projection = 'a'`);
    await pool.query(`DELETE FROM projection_checkpoints WHERE name = 'a'`);
    expect(await group.catchUp()).toBe(0); // still trusts what it remembers
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await catchUpAll(group, ['a']);
    expect(await seen('a')).toBe(await total());
  });
});
