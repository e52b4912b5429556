import { isDeepStrictEqual } from 'node:util';
import type { Pool } from 'pg';
import { CheckpointMoved, type PgEventStore, type Projection, ProjectionRunner, withTransaction } from '@rectify/event-store';
import { CASE_PROJECTIONS } from '../cases/projections/case-projections';

/** Each projection's table and the order that makes two dumps comparable. */
const TABLES: Readonly<Record<string, { table: string; orderBy: string }>> = {
  case_list: { table: 'case_list', orderBy: 'id' },
  case_timers: { table: 'case_timers', orderBy: 'case_id, kind' },
  case_stats: { table: 'case_stats', orderBy: 'case_id' },
};

export interface RebuildReport {
  projection: string;
  rows: number;
  equal: boolean;
  /** The first row that differs, when they do. */
  firstDifference?: { live: unknown; rebuilt: unknown };
}

async function dump(pool: Pool, projection: Projection): Promise<unknown[]> {
  const { table, orderBy } = TABLES[projection.name];
  const { rows } = await pool.query(`SELECT * FROM ${table} ORDER BY ${orderBy}`);
  return rows;
}

async function catchUp(runner: ProjectionRunner, onProgress: (applied: number) => void): Promise<void> {
  for (;;) {
    try {
      await runner.catchUp(onProgress);
      return;
    } catch (error) {
      if (!(error instanceof CheckpointMoved)) throw error;
    }
  }
}

/**
 * Catches each read model up, keeps it as "live", drops it (rows and checkpoint, in one
 * transaction), replays the whole log into it and compares row by row.
 */
export async function rebuildReadModels(store: PgEventStore, onProgress: (projection: string, applied: number, total: number) => void = () => {}): Promise<RebuildReport[]> {
  const pool = store.pool;
  const total = Number((await pool.query('SELECT count(*) AS n FROM events')).rows[0].n);
  const reports: RebuildReport[] = [];
  for (const projection of CASE_PROJECTIONS) {
    const runner = new ProjectionRunner(store, projection);
    await catchUp(runner, () => {});
    const live = await dump(pool, projection);
    await withTransaction(pool, async (tx) => {
      await tx.query(`TRUNCATE ${TABLES[projection.name].table}`);
      await tx.query('DELETE FROM projection_checkpoints WHERE name = $1', [projection.name]);
    });
    onProgress(projection.name, 0, total);
    await catchUp(runner, (applied) => onProgress(projection.name, applied, total));
    const rebuilt = await dump(pool, projection);
    const at = live.findIndex((row, i) => !isDeepStrictEqual(row, rebuilt[i]));
    const equal = live.length === rebuilt.length && at === -1;
    const index = at === -1 ? Math.min(live.length, rebuilt.length) : at;
    reports.push({ projection: projection.name, rows: rebuilt.length, equal, ...(equal ? {} : { firstDifference: { live: live[index], rebuilt: rebuilt[index] } }) });
  }
  return reports;
}
