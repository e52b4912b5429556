import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Role } from '@rectify/auth';
import { PG_POOL } from '@rectify/database';
import { type Queryable, withTransaction } from '@rectify/event-store';
import { type Page, type PageQuery, pageSql, toPage } from '@rectify/http';
import type { Pool } from 'pg';
import { invalidField, UsernameTakenError, UserNotFoundError } from './directory.errors';
import { hashPassword } from './password-hasher';

export interface UserRecord {
  id: string;
  username: string;
  role: Role;
  unitId: string | null;
}

const COLUMNS = 'id, username, role, unit_id AS "unitId"';

/** Users stay in the gateway: no service needs them, and password hashes never leave it. */
@Injectable()
export class UsersService {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async list(query: PageQuery): Promise<Page<UserRecord>> {
    const { rows } = await this.pool.query<UserRecord & { total: string }>(
      `SELECT ${COLUMNS}, count(*) OVER () AS total FROM users ORDER BY username ${pageSql(query)}`,
    );
    return toPage(rows, query, ({ total: _total, ...user }) => user);
  }

  async get(id: string, db: Queryable = this.pool): Promise<UserRecord> {
    const { rows } = await db.query<UserRecord>(`SELECT ${COLUMNS} FROM users WHERE id::text = $1`, [id]);
    if (!rows[0]) throw new UserNotFoundError(id);
    return rows[0];
  }

  async create(input: { username: string; password: string; role: Role; unitId?: string | null }): Promise<UserRecord> {
    const unitId = input.unitId ?? null;
    const passwordHash = await hashPassword(input.password);
    return withTransaction(this.pool, async (tx) => {
      await this.assertUnit(tx, input.role, unitId);
      const { rows } = await tx.query<UserRecord>(
        `INSERT INTO users (id, username, password_hash, role, unit_id) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (username) DO NOTHING RETURNING ${COLUMNS}`,
        [randomUUID(), input.username, passwordHash, input.role, unitId],
      );
      if (!rows[0]) throw new UsernameTakenError(input.username);
      return rows[0];
    });
  }

  async update(id: string, change: { role?: Role; unitId?: string | null }): Promise<UserRecord> {
    return withTransaction(this.pool, async (tx) => {
      const current = await this.get(id, tx);
      const role = change.role ?? current.role;
      const unitId = change.unitId === undefined ? current.unitId : change.unitId;
      await this.assertUnit(tx, role, unitId);
      const { rows } = await tx.query<UserRecord>(`UPDATE users SET role = $2, unit_id = $3, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`, [
        current.id,
        role,
        unitId,
      ]);
      return rows[0];
    });
  }

  async resetPassword(id: string, password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    const { rowCount } = await this.pool.query('UPDATE users SET password_hash = $2, updated_at = now() WHERE id::text = $1', [id, passwordHash]);
    if (!rowCount) throw new UserNotFoundError(id);
  }

  /** A department user acts for exactly one existing unit; commission staff may name one or none. */
  private async assertUnit(tx: Queryable, role: Role, unitId: string | null): Promise<void> {
    if (role === 'department' && unitId === null) throw invalidField('unitId', 'a department user needs a unit');
    if (unitId !== null && !(await tx.query('SELECT 1 FROM units WHERE id = $1', [unitId])).rowCount) {
      throw invalidField('unitId', `no unit "${unitId}"`);
    }
  }
}
