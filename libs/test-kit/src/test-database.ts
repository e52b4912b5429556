import { Client, Pool } from 'pg';

export const serverUrl = (): string => process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Guard against ever pointing a test at a real database (CONVENTIONS: Sairyss jestGlobalSetup). */
export function assertTestDatabaseName(name: string): void {
  if (!/test/.test(name)) throw new Error(`refusing to use database "${name}" in a test: its name must contain "test"`);
}

export function databaseUrl(name: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops and creates `name` on the test server and returns a pool on it. */
export async function freshTestDatabase(name: string, poolSize = 10): Promise<{ url: string; pool: Pool }> {
  assertTestDatabaseName(name);
  const admin = new Client({ connectionString: serverUrl() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = databaseUrl(name);
  return { url, pool: new Pool({ connectionString: url, max: poolSize }) };
}

/** Drops `name` if it exists (a service under test then creates and migrates it afresh). */
export async function dropTestDatabase(name: string): Promise<void> {
  assertTestDatabaseName(name);
  const admin = new Client({ connectionString: serverUrl() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
