import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { PG_POOL } from '@rectify/database';
import { withTransaction } from '@rectify/event-store';
import type { Pool } from 'pg';
import { GatewayEnv } from '../gateway.env';
import { DEMO_UNITS, DEMO_USERS } from './demo-directory';
import { DirectoryLog, unitStream } from './directory-log';
import { hashPassword } from './password-hasher';

// Serialises seeding between gateway instances starting together.
const SEED_LOCK_KEY = 7_410_002;

/**
 * At boot: fills an empty directory with the demo units and users (once, unless DEMO_DATA is
 * false), then makes sure every unit is on the feed — a unit written before the gateway had an
 * event log (or by hand) gets its `UnitRegistered`, so every service's copy knows it.
 */
@Injectable()
export class DemoDirectorySeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoDirectorySeeder.name);

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly log: DirectoryLog,
    private readonly env: GatewayEnv,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.env.DEMO_DATA !== 'false') await this.seedDemo();
    await this.publishUnpublishedUnits();
  }

  private async seedDemo(): Promise<void> {
    // Hashed before the transaction so the lock is held for milliseconds, not a second.
    const passwordHash = await hashPassword(this.env.DEMO_PASSWORD);
    const seeded = await withTransaction(this.pool, async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
      const { rows } = await tx.query<{ n: string }>('SELECT (SELECT count(*) FROM units) + (SELECT count(*) FROM users) AS n');
      if (Number(rows[0].n) > 0) return false;
      for (const unit of DEMO_UNITS) {
        await tx.query('INSERT INTO units (id, name, parent_id) VALUES ($1, $2, $3)', [unit.id, unit.name, unit.parentId]);
        await this.log.record(tx, unitStream(unit.id), 'UnitRegistered', { unitId: unit.id, name: unit.name, parentId: unit.parentId }, null);
      }
      for (const user of DEMO_USERS) {
        await tx.query('INSERT INTO users (id, username, password_hash, role, unit_id) VALUES ($1, $2, $3, $4, $5)', [
          randomUUID(), user.username, passwordHash, user.role, user.unitId,
        ]);
      }
      return true;
    });
    if (seeded) this.logger.log(`demo directory created: ${DEMO_UNITS.length} units, ${DEMO_USERS.length} users`);
  }

  private async publishUnpublishedUnits(): Promise<void> {
    const published = await withTransaction(this.pool, async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
      // Parents first, so a service's copy never holds a child before its superior.
      const { rows } = await tx.query<{ id: string; name: string; parent_id: string | null }>(`
        WITH RECURSIVE tree AS (
          SELECT id, name, parent_id, 0 AS depth FROM units WHERE parent_id IS NULL
          UNION ALL SELECT u.id, u.name, u.parent_id, t.depth + 1 FROM units u JOIN tree t ON u.parent_id = t.id WHERE t.depth < 64)
        SELECT id, name, parent_id FROM tree ORDER BY depth, id`);
      let count = 0;
      for (const unit of rows) {
        if ((await this.log.streamVersion(unitStream(unit.id), tx)) > 0) continue;
        await this.log.record(tx, unitStream(unit.id), 'UnitRegistered', { unitId: unit.id, name: unit.name, parentId: unit.parent_id }, null);
        count++;
      }
      return count;
    });
    if (published) this.logger.log(`${published} unit(s) published on the directory feed`);
  }
}
