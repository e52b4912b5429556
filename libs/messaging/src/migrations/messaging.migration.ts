import type { Pool } from 'pg';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { MESSAGING_SCHEMA_DOWN, MESSAGING_SCHEMA_UP } from './messaging.schema';

/** TypeORM migration a service lists after the event store's. */
export class MessagingSchema1763800000100 implements MigrationInterface {
  name = 'MessagingSchema1763800000100';

  async up(runner: QueryRunner): Promise<void> {
    for (const sql of MESSAGING_SCHEMA_UP) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const sql of MESSAGING_SCHEMA_DOWN) await runner.query(sql);
  }
}

export const MessagingMigrations = [MessagingSchema1763800000100];

/**
 * For tests that use a bare pool instead of a service's DataSource. The advisory lock keeps
 * parallel test files from racing on `CREATE TABLE IF NOT EXISTS`, which is not atomic.
 */
export async function migrateMessaging(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('rectify.migrate-messaging'))`);
    for (const sql of MESSAGING_SCHEMA_UP) await client.query(sql);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
