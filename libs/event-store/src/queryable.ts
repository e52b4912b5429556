import type { ClientBase, Pool, PoolClient, QueryResultRow } from 'pg';

/** A pool or a client inside a transaction: every store method can join the caller's transaction. */
export type Queryable = Pool | ClientBase;

export async function rows<T extends QueryResultRow>(db: Queryable, text: string, values?: unknown[]): Promise<T[]> {
  return (await db.query<T>(text, values)).rows;
}

/** Runs `work` in one transaction on its own client; rolls back on any error. */
export async function withTransaction<T>(pool: Pool, work: (tx: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
