import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@rectify/database';
import { withTransaction } from '@rectify/event-store';
import type { Pool, PoolClient } from 'pg';

export interface StoredResponse<T> {
  status: number;
  body: T;
}

/**
 * `Idempotency-Key` support: the key is claimed (row inserted) in the same transaction as the
 * command's events, and the response stored with it. A retry with the same key (same caller,
 * same endpoint) waits for the first one to commit and gets its stored response; it writes
 * nothing. If the first attempt fails, its claim rolls back with it.
 */
@Injectable()
export class IdempotentCommands {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async run<T>(scope: string, key: string | undefined, userId: string, work: (tx: PoolClient) => Promise<StoredResponse<T>>): Promise<StoredResponse<T>> {
    return withTransaction(this.pool, async (tx) => {
      if (!key) return work(tx);
      const claimed = await tx.query(
        'INSERT INTO idempotency_keys (scope, key, user_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING key',
        [scope, key, userId],
      );
      if (claimed.rowCount === 0) {
        const { rows } = await tx.query<{ status: number; body: T }>(
          'SELECT status, body FROM idempotency_keys WHERE scope = $1 AND key = $2 AND user_id = $3',
          [scope, key, userId],
        );
        return { status: rows[0].status, body: rows[0].body };
      }
      const response = await work(tx);
      await tx.query('UPDATE idempotency_keys SET status = $4, body = $5 WHERE scope = $1 AND key = $2 AND user_id = $3', [
        scope, key, userId, response.status, JSON.stringify(response.body),
      ]);
      return response;
    });
  }

  /**
   * For a command that spans two transactions (a spot check: seed commitment, then draw): replaces
   * the response stored by `run` from inside the second transaction.
   */
  async complete<T>(scope: string, key: string | undefined, userId: string, response: StoredResponse<T>, tx: PoolClient): Promise<void> {
    if (!key) return;
    await tx.query('UPDATE idempotency_keys SET status = $4, body = $5 WHERE scope = $1 AND key = $2 AND user_id = $3', [
      scope, key, userId, response.status, JSON.stringify(response.body),
    ]);
  }
}
