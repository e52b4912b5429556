import { Client } from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';

// Any constant works; it only has to be the same for every instance of every service.
const MIGRATION_LOCK_KEY = 7_410_001;

/**
 * Initialises the data source (which runs the pending migrations) while holding a
 * session advisory lock in its database: TypeORM does not lock, and two instances
 * starting together would otherwise run the same migration twice.
 */
export async function initializeUnderMigrationLock(options: DataSourceOptions & { url: string }): Promise<DataSource> {
  const lock = new Client({ connectionString: options.url });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const dataSource = new DataSource(options);
    await dataSource.initialize();
    return dataSource;
  } finally {
    // Ending the session releases the lock even if unlocking is never reached.
    await lock.end();
  }
}
