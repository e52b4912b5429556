import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import type { Pool } from 'pg';
import { EventHandlerRegistry } from '../consumer/handler-registry';
import { KafkaHealthIndicator } from '../health/kafka-health.indicator';
import { createKafka } from '../kafka/create-kafka';
import type { KafkaClient } from '../kafka/kafka.ports';
import { HandlerDiscovery } from './handler-discovery';
import { MessagingLifecycle } from './messaging.lifecycle';
import type { MessagingAsyncOptions, MessagingOptions, MessagingWiring } from './messaging.options';
import { KAFKA_ADMIN, KAFKA_CLIENT, MESSAGE_PRODUCER, MESSAGING_OPTIONS, MESSAGING_POOL } from './messaging.tokens';

const sharedProviders = ({ poolToken }: MessagingWiring): Provider[] => [
  { provide: MESSAGING_POOL, inject: [poolToken], useFactory: (pool: Pool) => pool },
  {
    provide: KAFKA_CLIENT,
    inject: [MESSAGING_OPTIONS],
    useFactory: ({ brokers, service }: MessagingOptions) => createKafka({ brokers, clientId: service }),
  },
  { provide: KAFKA_ADMIN, inject: [KAFKA_CLIENT], useFactory: (kafka: KafkaClient) => kafka.admin() },
  { provide: MESSAGE_PRODUCER, inject: [KAFKA_CLIENT], useFactory: (kafka: KafkaClient) => kafka.producer() },
  EventHandlerRegistry,
  HandlerDiscovery,
  MessagingLifecycle,
  KafkaHealthIndicator,
];

const exported = [EventHandlerRegistry, KafkaHealthIndicator, MessagingLifecycle, MESSAGE_PRODUCER, KAFKA_ADMIN];

/**
 * Wires a service into Kafka: its relay publishes its log to `<service>.events`, and every
 * `@HandlesEvent` method becomes a handler of its consumer group. The pool behind `poolToken`
 * (libs/database's global PG_POOL) must be visible to this module.
 */
@Module({})
export class MessagingModule {
  static forService({ poolToken, ...options }: MessagingOptions & MessagingWiring): DynamicModule {
    return {
      module: MessagingModule,
      imports: [DiscoveryModule, TerminusModule],
      providers: [{ provide: MESSAGING_OPTIONS, useValue: options }, ...sharedProviders({ poolToken })],
      exports: exported,
    };
  }

  static forServiceAsync({ poolToken, imports = [], inject = [], useFactory }: MessagingAsyncOptions): DynamicModule {
    return {
      module: MessagingModule,
      imports: [DiscoveryModule, TerminusModule, ...imports],
      providers: [{ provide: MESSAGING_OPTIONS, inject, useFactory }, ...sharedProviders({ poolToken })],
      exports: exported,
    };
  }
}
