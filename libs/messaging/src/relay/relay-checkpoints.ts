import { START, type Checkpoint } from '@rectify/event-store';
import type { ClientBase, Pool } from 'pg';

/** How far a relay has published its log, in `relay_checkpoints`. */
export class RelayCheckpoints {
  constructor(
    private readonly db: Pool | ClientBase,
    private readonly name: string,
  ) {}

  async load(): Promise<Checkpoint> {
    const { rows } = await this.db.query<Checkpoint>(
      'SELECT txid::text AS txid, position::text AS position FROM relay_checkpoints WHERE name = $1',
      [this.name],
    );
    return rows[0] ?? START;
  }

  /**
   * Only ever moves forward: a relay that lost its lock but has not noticed yet cannot drag
   * the checkpoint back behind what its successor already published.
   */
  async save(checkpoint: Checkpoint): Promise<void> {
    await this.db.query({
      name: 'rectify_relay_checkpoint',
      text: `INSERT INTO relay_checkpoints (name, txid, position) VALUES ($1, $2::xid8, $3::bigint)
             ON CONFLICT (name) DO UPDATE SET txid = EXCLUDED.txid, position = EXCLUDED.position, updated_at = now()
              WHERE (relay_checkpoints.txid, relay_checkpoints.position) < (EXCLUDED.txid, EXCLUDED.position)`,
      values: [this.name, checkpoint.txid, checkpoint.position],
    });
  }
}
