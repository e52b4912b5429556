import { Inject, Injectable } from '@nestjs/common';
import type { AuthUser } from '@rectify/auth';
import { PG_POOL } from '@rectify/database';
import { type Queryable, withTransaction } from '@rectify/event-store';
import type { Pool } from 'pg';
import { invalidField, UnitExistsError, UnitNotFoundError } from './directory.errors';
import { DirectoryLog, unitStream } from './directory-log';

export interface UnitRecord {
  id: string;
  name: string;
  parentId: string | null;
}

// Serialises directory writes: a cycle check and the write it guards must see the same tree.
const DIRECTORY_WRITE_LOCK = 7_410_003;

@Injectable()
export class UnitsService {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly log: DirectoryLog,
  ) {}

  async list(): Promise<UnitRecord[]> {
    const { rows } = await this.pool.query<UnitRecord>('SELECT id, name, parent_id AS "parentId" FROM units ORDER BY id');
    return rows;
  }

  async get(id: string, db: Queryable = this.pool): Promise<UnitRecord> {
    const { rows } = await db.query<UnitRecord>('SELECT id, name, parent_id AS "parentId" FROM units WHERE id = $1', [id]);
    if (!rows[0]) throw new UnitNotFoundError(id);
    return rows[0];
  }

  async create(unit: UnitRecord, by: AuthUser): Promise<UnitRecord> {
    return withTransaction(this.pool, async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [DIRECTORY_WRITE_LOCK]);
      if ((await tx.query('SELECT 1 FROM units WHERE id = $1', [unit.id])).rowCount) throw new UnitExistsError(unit.id);
      await this.assertParent(tx, unit.id, unit.parentId);
      await tx.query('INSERT INTO units (id, name, parent_id) VALUES ($1, $2, $3)', [unit.id, unit.name, unit.parentId]);
      await this.log.record(tx, unitStream(unit.id), 'UnitRegistered', { unitId: unit.id, name: unit.name, parentId: unit.parentId }, by);
      return unit;
    });
  }

  async update(id: string, change: { name?: string; parentId?: string | null }, by: AuthUser): Promise<UnitRecord> {
    return withTransaction(this.pool, async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [DIRECTORY_WRITE_LOCK]);
      const current = await this.get(id, tx);
      const next: UnitRecord = { id, name: change.name ?? current.name, parentId: change.parentId === undefined ? current.parentId : change.parentId };
      if (next.name === current.name && next.parentId === current.parentId) return current;
      await this.assertParent(tx, id, next.parentId);
      await tx.query('UPDATE units SET name = $2, parent_id = $3 WHERE id = $1', [id, next.name, next.parentId]);
      await this.log.record(tx, unitStream(id), 'UnitUpdated', { unitId: id, name: next.name, parentId: next.parentId }, by);
      return next;
    });
  }

  /** The parent must exist and must not be the unit itself or one of its descendants. */
  private async assertParent(tx: Queryable, id: string, parentId: string | null): Promise<void> {
    if (parentId === null) return;
    const { rows } = await tx.query<{ id: string }>(
      `WITH RECURSIVE up AS (
         SELECT id, parent_id, 1 AS depth FROM units WHERE id = $1
         UNION ALL SELECT u.id, u.parent_id, up.depth + 1 FROM units u JOIN up ON u.id = up.parent_id WHERE up.depth < 64)
       SELECT id FROM up`,
      [parentId],
    );
    if (rows.length === 0) throw invalidField('parentId', `no unit "${parentId}"`);
    if (rows.some((r) => r.id === id)) throw invalidField('parentId', `"${parentId}" is "${id}" itself or below it: a unit cannot be its own superior`);
  }
}
