import type { FactoryProvider, ModuleMetadata } from '@nestjs/common';
import type { ConsumerPace } from '../consumer/consumer-pace';
import type { ProcessingPolicy } from '../consumer/message-processor';
import type { EventLogModule } from '../relay/event-log';

export interface MessagingOptions {
  /** This service's name: its relay publishes to `<topicPrefix><service>.events`. */
  service: string;
  brokers: string[];
  /** Isolates environments or test runs sharing a broker; '' in production. */
  topicPrefix?: string;
  /** Consumer group and processed_messages consumer name; defaults to `<topicPrefix><service>`, so runs isolated by a prefix never share a group. */
  consumerGroup?: string;
  /** Partitions for topics this service creates when missing (its own, and dead-letter topics). */
  topicPartitions?: number;
  /** Relay this service's log to Kafka (default true). */
  relay?: boolean | { batchSize?: number; idlePollMs?: number; maxIdlePollMs?: number; lingerMs?: number; maxLingerMs?: number };
  /**
   * `worker` (default): the relay runs on its own thread where this process can load one, else
   * here; `inline`: always on the main thread (ADR 013).
   */
  relayThread?: 'worker' | 'inline';
  /** The log the relay reads, by the module that builds it; defaults to `new PgEventStore(pool)`. */
  eventLog?: EventLogModule;
  consumerPolicy?: Partial<ProcessingPolicy>;
  /** `batched` when nobody waits for what this service's handlers do (ADR 012); default `prompt`. */
  consumerPace?: ConsumerPace;
}

/** Known when the module is declared, unlike the options a factory may compute at boot. */
export interface MessagingWiring {
  /** Injection token of the service's pg.Pool: libs/database's `PG_POOL`. */
  poolToken: string | symbol;
}

/** `MessagingModule.forServiceAsync({ poolToken: PG_POOL, inject: [ServiceEnv], useFactory: (env) => ({…}) })`. */
export interface MessagingAsyncOptions extends MessagingWiring {
  imports?: ModuleMetadata['imports'];
  inject?: FactoryProvider['inject'];
  useFactory: (...args: never[]) => MessagingOptions | Promise<MessagingOptions>;
}
