import { type DynamicModule, Module } from '@nestjs/common';
import type { Pool } from 'pg';
import { PgEventStore } from '../pg-event-store';
import type { Upcaster } from '../upcasting';

export interface EventStoreModuleOptions {
  /** Injection token of the service's pg.Pool (libs/database's PG_POOL). */
  poolToken: string | symbol;
  upcasters?: readonly Upcaster[];
}

/** Provides the service's PgEventStore on its own database. */
@Module({})
export class EventStoreModule {
  static forRoot(options: EventStoreModuleOptions): DynamicModule {
    return {
      module: EventStoreModule,
      global: true,
      providers: [
        {
          provide: PgEventStore,
          inject: [options.poolToken],
          useFactory: (pool: Pool) => new PgEventStore(pool, { upcasters: options.upcasters }),
        },
      ],
      exports: [PgEventStore],
    };
  }
}
