import type { Pool } from 'pg';
import { freshTestDatabase, testEvent } from '@rectify/test-kit';
import { migrateEventStore } from './migration';
import { PgEventStore } from './pg-event-store';
import { withTransaction } from './queryable';

describe('PgEventStore append listeners (real PostgreSQL)', () => {
  let pool: Pool;
  let store: PgEventStore;
  let heard: string[];

  beforeAll(async () => {
    ({ pool } = await freshTestDatabase('rectify_test_event_store_listeners', 4));
    await migrateEventStore(pool);
    store = new PgEventStore(pool);
    store.onAppended(() => heard.push('appended'));
  });
  beforeEach(() => (heard = []));
  afterAll(() => pool.end());

  it('tells its listeners of an append on the pool', async () => {
    await store.append('pool-1', [testEvent('Opened')], 0);
    expect(heard).toEqual(['appended']);
  });

  it('tells its listeners of an append inside a caller\'s transaction once that transaction ends, not before', async () => {
    await withTransaction(pool, async (tx) => {
      await store.append('tx-1', [testEvent('Opened')], 0, tx);
      await store.append('tx-2', [testEvent('Opened')], 0, tx);
      heard.push('committing');
    });
    expect(heard).toEqual(['committing', 'appended']);
  });

  it('says nothing for a transaction that did not append', async () => {
    await withTransaction(pool, (tx) => tx.query('SELECT 1'));
    expect(heard).toEqual([]);
  });
});
