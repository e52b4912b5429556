import { Client } from 'pg';
import { databaseName } from './service-database-url';

// 42P04 duplicate_database; 23505 when two CREATE DATABASE race on pg_database's unique index.
const ALREADY_EXISTS = new Set(['42P04', '23505']);

/** Creates the database named in `url` if it is missing; safe when several processes race. */
export async function ensureDatabaseExists(url: string): Promise<void> {
  const name = databaseName(url);
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';

  const client = new Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return;
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } catch (error) {
    if (!ALREADY_EXISTS.has((error as { code?: string }).code ?? '')) throw error;
  } finally {
    await client.end();
  }
}
