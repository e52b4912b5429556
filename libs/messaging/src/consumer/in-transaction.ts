import type { Pool, PoolClient, QueryResult, QueryResultRow } from 'pg';

/**
 * Runs `work` in a transaction on a client of its own. A checked-out client has no error
 * listener of the pool's: if its connection dies between two queries (a database restart)
 * it would emit an unhandled 'error' and take the process down. Listening here turns that into
 * a failed next query, which the caller retries. A client that failed so, or whose rollback
 * failed, is dropped instead of being pooled again.
 */
export function inTransaction<T>(pool: Pool, work: (tx: PoolClient) => Promise<T>): Promise<T> {
  return transaction(pool, async (tx) => {
    await tx.query('BEGIN');
    return work(tx);
  });
}

/**
 * inTransaction whose first statement (without parameters) goes to the database together with
 * the BEGIN, in one round trip: `work` gets its result and goes on in the same transaction.
 */
export function inTransactionFrom<T, R extends QueryResultRow>(pool: Pool, first: string, work: (tx: PoolClient, first: QueryResult<R>) => Promise<T>): Promise<T> {
  return transaction(pool, async (tx) => {
    // A simple query of two statements answers with the result of each.
    const [, answer] = (await tx.query(`BEGIN; ${first}`)) as unknown as [QueryResult, QueryResult<R>];
    return work(tx, answer);
  });
}

async function transaction<T>(pool: Pool, work: (tx: PoolClient) => Promise<T>): Promise<T> {
  const tx = await pool.connect();
  let broken: Error | undefined;
  const onError = (error: Error) => (broken = error);
  tx.on('error', onError);
  try {
    const result = await work(tx);
    await tx.query('COMMIT');
    return result;
  } catch (error) {
    await tx.query('ROLLBACK').catch((rollbackError: Error) => (broken ??= rollbackError));
    throw error;
  } finally {
    tx.off('error', onError);
    tx.release(broken);
  }
}
