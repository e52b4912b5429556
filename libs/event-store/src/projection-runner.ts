import type { Pool, PoolClient } from 'pg';
import { type Checkpoint, type RecordedEvent, START } from './event.types';
import type { PgEventStore } from './pg-event-store';
import { rows, withTransaction } from './queryable';

export interface Projection {
  /** Checkpoint name; rename it (or reset) to rebuild from the start. */
  name: string;
  /** Applies a batch inside the transaction that also moves the checkpoint. */
  apply(events: readonly RecordedEvent[], tx: PoolClient): Promise<void>;
}

/** Someone else moved the checkpoint first (another instance); this batch was rolled back. */
export class CheckpointMoved extends Error {
  constructor(readonly projection: string) {
    super(`checkpoint of ${projection} was moved by another runner`);
  }
}

export async function readCheckpoint(db: Pool | PoolClient, name: string): Promise<Checkpoint> {
  const [row] = await rows<{ txid: string; position: string }>(
    db,
    'SELECT txid::text AS txid, position::text AS position FROM projection_checkpoints WHERE name = $1',
    [name],
  );
  return row ?? START;
}

/**
 * Catches a projection up with the log, one batch per transaction. The checkpoint is
 * compare-and-set in the same transaction as the projection's writes, so a crash or a
 * second runner can neither lose nor double-apply a batch.
 */
export class ProjectionRunner {
  constructor(
    private readonly store: PgEventStore,
    private readonly projection: Projection,
    private readonly batchSize = 500,
  ) {}

  /** Applies everything visible now; returns how many events were applied. */
  async catchUp(onProgress?: (applied: number) => void): Promise<number> {
    let applied = 0;
    for (;;) {
      const batchApplied = await this.applyNextBatch();
      if (batchApplied === 0) return applied;
      applied += batchApplied;
      onProgress?.(applied);
    }
  }

  async applyNextBatch(): Promise<number> {
    const pool = this.store.pool;
    return withTransaction(pool, async (tx) => {
      const from = await readCheckpoint(tx, this.projection.name);
      const events = await this.store.readAll(from, this.batchSize, tx);
      if (events.length === 0) return 0;
      await this.projection.apply(events, tx);
      const last = events[events.length - 1];
      await this.moveCheckpoint(tx, from, { txid: last.txid, position: last.position });
      return events.length;
    });
  }

  private async moveCheckpoint(tx: PoolClient, from: Checkpoint, to: Checkpoint): Promise<void> {
    const name = this.projection.name;
    const result = from === START || (from.txid === START.txid && from.position === START.position)
      ? await tx.query(
          `INSERT INTO projection_checkpoints (name, txid, position) VALUES ($1, $2::xid8, $3)
           ON CONFLICT (name) DO NOTHING`,
          [name, to.txid, to.position],
        )
      : await tx.query(
          `UPDATE projection_checkpoints SET txid = $2::xid8, position = $3, updated_at = now()
            WHERE name = $1 AND txid = $4::xid8 AND position = $5`,
          [name, to.txid, to.position, from.txid, from.position],
        );
    if (result.rowCount !== 1) throw new CheckpointMoved(name);
  }

  async reset(): Promise<void> {
    await this.store.pool.query('DELETE FROM projection_checkpoints WHERE name = $1', [this.projection.name]);
  }
}
