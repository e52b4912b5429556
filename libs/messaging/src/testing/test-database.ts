import { randomBytes } from 'node:crypto';
import { migrateEventStore } from '@rectify/event-store';
import { Client, Pool } from 'pg';
import { migrateMessaging } from '../migrations/messaging.migration';

export const TEST_DATABASE = 'rectify_test_messaging';

/** DATABASE_URL (set by the int global setup) with its database swapped for `database`. */
export function databaseUrl(database: string, schema?: string): string {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${database}`;
  if (schema) url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

async function ensureDatabase(database: string): Promise<void> {
  if (!database.includes('test')) throw new Error(`refusing to run tests against database "${database}"`);
  const admin = new Client({ connectionString: databaseUrl('postgres') });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount === 0) {
      await admin.query(`CREATE DATABASE ${database}`).catch((error: { code?: string }) => {
        // 42P04 duplicate_database, 23505: another test file created it at the same moment.
        if (error.code !== '42P04' && error.code !== '23505') throw error;
      });
    }
  } finally {
    await admin.end();
  }
}

export interface TestSchema {
  pool: Pool;
  /** The connection string of the same database and schema, for child processes. */
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh schema in the test database with the event store and messaging tables, so each
 * test file starts from an empty log however many runs came before.
 */
export async function createTestSchema(database = TEST_DATABASE): Promise<TestSchema> {
  await ensureDatabase(database);
  const schema = `t_${randomBytes(5).toString('hex')}`;
  const admin = new Pool({ connectionString: databaseUrl(database), max: 1 });
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = databaseUrl(database, schema);
  const pool = new Pool({ connectionString: url, max: 10 });
  await migrateEventStore(pool);
  await migrateMessaging(pool);
  return {
    pool,
    url,
    drop: async () => {
      await pool.end();
      const cleanup = new Pool({ connectionString: databaseUrl(database), max: 1 });
      await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
      await cleanup.end();
    },
  };
}
