export { DatabaseModule, SERVICE_DATABASE_URL, type DatabaseModuleOptions } from './database.module';
export { serviceDatabaseUrl, databaseName } from './service-database-url';
export { ensureDatabaseExists } from './ensure-database-exists';
export { PG_POOL, createPgPool } from './pg-pool';
export { PgHealthIndicator } from './pg-health.indicator';
