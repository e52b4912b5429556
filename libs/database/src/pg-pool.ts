import { Logger } from '@nestjs/common';
import { Pool } from 'pg';

/** Injection token of the service's raw `pg.Pool` (the event store works on raw clients). */
export const PG_POOL = Symbol('PG_POOL');

export function createPgPool(url: string, service: string): Pool {
  const pool = new Pool({ connectionString: url, application_name: `rectify-${service}`, max: 10 });
  const logger = new Logger('PgPool');
  // An idle client losing its connection (database restart) emits 'error' on the pool;
  // unhandled, it would crash the process. The pool replaces the client on next use.
  pool.on('error', (error) => logger.warn(`idle PostgreSQL client failed: ${error.message}`));
  return pool;
}
