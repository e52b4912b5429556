import type { Pool } from 'pg';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { EVENT_STORE_SCHEMA_DOWN, EVENT_STORE_SCHEMA_UP } from './schema';

/** TypeORM migration that every event-sourced service lists first. */
export class EventStoreSchema1763800000000 implements MigrationInterface {
  name = 'EventStoreSchema1763800000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const sql of EVENT_STORE_SCHEMA_UP) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const sql of EVENT_STORE_SCHEMA_DOWN) await runner.query(sql);
  }
}

/** For tests and benchmarks that use a bare pool instead of a service's DataSource. */
export async function migrateEventStore(pool: Pool): Promise<void> {
  for (const sql of EVENT_STORE_SCHEMA_UP) await pool.query(sql);
}
