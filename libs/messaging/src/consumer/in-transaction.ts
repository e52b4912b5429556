import type { Pool, PoolClient } from 'pg';

/**
 * Runs `work` in a transaction on a client of its own. A checked-out client has no error
 * listener of the pool's: if its connection dies between two queries (a database restart)
 * it would emit an unhandled 'error' and take the process down. Listening here turns that into
 * a failed next query, which the caller retries. A client that failed so, or whose rollback
 * failed, is dropped instead of being pooled again.
 */
export async function inTransaction<T>(pool: Pool, work: (tx: PoolClient) => Promise<T>): Promise<T> {
  const tx = await pool.connect();
  let broken: Error | undefined;
  const onError = (error: Error) => (broken = error);
  tx.on('error', onError);
  try {
    await tx.query('BEGIN');
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
