import { type DynamicModule, Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ServiceEnv } from '@rectify/config';
import type { Pool } from 'pg';
import type { DataSourceOptions, MixedList } from 'typeorm';
import { ensureDatabaseExists } from './ensure-database-exists';
import { initializeUnderMigrationLock } from './migrate-under-lock';
import { PgHealthIndicator } from './pg-health.indicator';
import { createPgPool, PG_POOL } from './pg-pool';
import { serviceDatabaseUrl } from './service-database-url';

/** Injection token of the service's own database URL, resolved once the database exists. */
export const SERVICE_DATABASE_URL = Symbol('SERVICE_DATABASE_URL');

export interface DatabaseModuleOptions {
  /** Service name; the database is `<DATABASE_NAME_PREFIX>_<service>`. */
  service: string;
  /** Migration classes, run in order at boot, each in its own transaction. */
  migrations: MixedList<Function>;
  /** Entities beyond those registered with TypeOrmModule.forFeature. */
  entities?: MixedList<Function>;
}

@Module({})
class ServiceDatabaseUrlModule {}

@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  static forService(options: DatabaseModuleOptions): DynamicModule {
    // One object, imported twice: Nest treats it as the same module, so the database is
    // ensured once and both the pool and TypeORM get the same URL.
    const urlModule: DynamicModule = {
      module: ServiceDatabaseUrlModule,
      providers: [
        {
          provide: SERVICE_DATABASE_URL,
          inject: [ServiceEnv],
          useFactory: async (env: ServiceEnv) => {
            const url = serviceDatabaseUrl(env, options.service);
            await ensureDatabaseExists(url);
            return url;
          },
        },
      ],
      exports: [SERVICE_DATABASE_URL],
    };

    const typeOrm = TypeOrmModule.forRootAsync({
      imports: [urlModule],
      inject: [SERVICE_DATABASE_URL],
      useFactory: (url: string) => ({
        type: 'postgres' as const,
        url,
        entities: options.entities ?? [],
        autoLoadEntities: true,
        migrations: options.migrations,
        migrationsRun: true,
        migrationsTransactionMode: 'each' as const,
        synchronize: false,
        applicationName: `rectify-${options.service}`,
        // Retrying a failed migration is pointless; one retry covers a database still starting.
        retryAttempts: 2,
        retryDelay: 1000,
      }),
      dataSourceFactory: (dataSourceOptions?: DataSourceOptions) =>
        initializeUnderMigrationLock(dataSourceOptions as DataSourceOptions & { url: string }),
    });

    return {
      module: DatabaseModule,
      imports: [urlModule, typeOrm],
      providers: [
        {
          provide: PG_POOL,
          inject: [SERVICE_DATABASE_URL],
          useFactory: (url: string) => createPgPool(url, options.service),
        },
        HealthIndicatorService,
        PgHealthIndicator,
      ],
      exports: [PG_POOL, PgHealthIndicator, urlModule, typeOrm],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
