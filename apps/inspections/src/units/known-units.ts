import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@rectify/database';
import type { Queryable } from '@rectify/event-store';
import type { Pool } from 'pg';

export interface UnitFilter {
  unitIds?: string[];
  parentId?: string;
  level?: number;
}

/**
 * The unit directory as this service knows it: the `known_units` table, seeded by migration with
 * the demo directory (DESIGN §7). The gateway owns the directory; syncing it is future work.
 */
@Injectable()
export class KnownUnits {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async ids(db: Queryable = this.pool): Promise<Set<string>> {
    const { rows } = await db.query<{ id: string }>('SELECT id FROM known_units');
    return new Set(rows.map((r) => r.id));
  }

  /** Sorted ids of the units matching every given criterion. */
  async matching(filter: UnitFilter, db: Queryable = this.pool): Promise<string[]> {
    const { rows } = await db.query<{ id: string }>(
      `SELECT id FROM known_units
        WHERE ($1::text[] IS NULL OR id = ANY($1)) AND ($2::text IS NULL OR parent_id = $2) AND ($3::int IS NULL OR level = $3)
        ORDER BY id`,
      [filter.unitIds ?? null, filter.parentId ?? null, filter.level ?? null],
    );
    return rows.map((r) => r.id);
  }
}
