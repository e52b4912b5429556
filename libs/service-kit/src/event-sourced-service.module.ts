import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuthModule } from '@rectify/auth';
import { EnvModule, type ServiceEnv } from '@rectify/config';
import { DatabaseModule, PG_POOL, PgHealthIndicator } from '@rectify/database';
import { DirectoryMigrations, DirectoryModule } from '@rectify/directory';
import { EventStoreModule, EventStoreSchema1763800000000 } from '@rectify/event-store';
import { HealthModule } from '@rectify/http';
import { type ConsumerPace, type EventLogModule, KafkaHealthIndicator, MessagingMigrations, MessagingModule, parseBrokers } from '@rectify/messaging';

export interface EventSourcedServiceOptions<E extends ServiceEnv> {
  service: string;
  env: new () => E;
  /** The service's own migrations; the event store's and messaging's run first. */
  migrations?: Type<unknown>[];
  /** What the relay publishes, by the module that builds it; by default the whole log as stored (see inspections' redaction). */
  eventLog?: EventLogModule;
  /** `batched` for a service none of whose handlers is on a path a user waits for (ADR 012). */
  consumerPace?: ConsumerPace;
}

/**
 * Everything an event-sourced domain service stands on: validated environment, its own
 * database and migrations, its event store, the shared token guard, CQRS buses, the relay and
 * consumers over Kafka, its copy of the gateway's directory, and GET /health for both.
 */
@Module({})
export class EventSourcedServiceModule {
  static forService<E extends ServiceEnv>({ service, env, migrations = [], eventLog, consumerPace }: EventSourcedServiceOptions<E>): DynamicModule {
    const messaging = MessagingModule.forServiceAsync({
      poolToken: PG_POOL,
      inject: [env],
      useFactory: (config: E) => ({
        service,
        brokers: parseBrokers(config.KAFKA_BROKERS),
        topicPrefix: config.KAFKA_TOPIC_PREFIX,
        eventLog,
        consumerPace,
        relayThread: config.RELAY_THREAD,
      }),
    });
    return {
      module: EventSourcedServiceModule,
      global: true,
      imports: [
        EnvModule.forRoot(env),
        DatabaseModule.forService({ service, migrations: [EventStoreSchema1763800000000, ...MessagingMigrations, ...DirectoryMigrations, ...migrations] }),
        EventStoreModule.forRoot({ poolToken: PG_POOL }),
        AuthModule,
        CqrsModule.forRoot(),
        messaging,
        DirectoryModule,
        HealthModule.register({
          imports: [messaging],
          inject: [PgHealthIndicator, KafkaHealthIndicator],
          indicators: (pg: PgHealthIndicator, kafka: KafkaHealthIndicator) => [() => pg.isHealthy('database'), () => kafka.isHealthy('kafka')],
        }),
      ],
      exports: [messaging],
    };
  }
}
