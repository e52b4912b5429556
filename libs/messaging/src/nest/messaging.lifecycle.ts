import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy, Optional } from '@nestjs/common';
import { PgEventStore } from '@rectify/event-store';
import type { Pool } from 'pg';
import { EventHandlerRegistry } from '../consumer/handler-registry';
import { IntegrationEventConsumer } from '../consumer/integration-event-consumer';
import type { KafkaAdmin, KafkaClient, MessageProducer } from '../kafka/kafka.ports';
import { EventRelay } from '../relay/event-relay';
import { openEventLog } from '../relay/event-log';
import { type RelayHandle, RelayThread } from '../relay/relay-thread';
import { backoffDelay, sleep } from '../retry/backoff';
import { describeError } from '../retry/describe-error';
import { dlqTopic, eventsTopic } from '../topics/topic-names';
import { HandlerDiscovery } from './handler-discovery';
import type { MessagingOptions } from './messaging.options';

type RelaySettings = Exclude<MessagingOptions['relay'], boolean | undefined>;
import { KAFKA_ADMIN, KAFKA_CLIENT, MESSAGE_PRODUCER, MESSAGING_OPTIONS, MESSAGING_POOL } from './messaging.tokens';

/**
 * Starts the relay and the consumer once every module is initialised (so all handlers are
 * registered), and stops them before the pool is closed at shutdown. Kafka being down at boot
 * does not keep the service from starting: commands still append to the log (the outbox),
 * and messaging connects in the background as soon as the broker answers.
 */
@Injectable()
export class MessagingLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Messaging');
  private readonly stopping = new AbortController();
  private relay: RelayHandle | null = null;
  private consumer: IntegrationEventConsumer | null = null;
  private started: Promise<void> = Promise.resolve();
  private unsubscribeAppends: (() => void) | undefined;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(MESSAGING_POOL) private readonly pool: Pool,
    @Inject(KAFKA_CLIENT) private readonly kafka: KafkaClient,
    @Inject(KAFKA_ADMIN) private readonly admin: KafkaAdmin,
    @Inject(MESSAGE_PRODUCER) private readonly producer: MessageProducer,
    private readonly registry: EventHandlerRegistry,
    private readonly discovery: HandlerDiscovery,
    /** The service's own store, when it has one: its appends wake the relay at once. */
    @Optional() private readonly store?: PgEventStore,
  ) {}

  onApplicationBootstrap(): void {
    const { service, topicPrefix = '', relay } = this.options;
    this.discovery.registerAll(this.registry, topicPrefix);
    if (relay !== false) this.relay = this.createRelay(eventsTopic(service, topicPrefix), typeof relay === 'object' ? relay : {});
    this.unsubscribeAppends = this.store?.onAppended(() => this.relay?.poke());
    this.started = this.startWhenKafkaAnswers();
  }

  /** Resolves once topics exist, the relay runs and the consumer has joined its group. */
  ready(): Promise<void> {
    return this.started;
  }

  get isRelayLeader(): boolean {
    return this.relay?.isLeader ?? false;
  }

  async onModuleDestroy(): Promise<void> {
    this.unsubscribeAppends?.();
    this.stopping.abort();
    await this.started;
    await this.consumer?.stop();
    await this.relay?.stop();
    await this.producer.disconnect();
    await this.admin.disconnect().catch(() => undefined);
  }

  private createRelay(topic: string, settings: RelaySettings): RelayHandle {
    const { service, brokers, eventLog, relayThread = 'worker' } = this.options;
    const logger = new Logger(`EventRelay(${service})`);
    const { connectionString, application_name } = this.pool.options as { connectionString?: string; application_name?: string };
    const entry = relayThread === 'worker' && connectionString ? RelayThread.entry() : null;
    if (entry && connectionString) {
      const data = { name: service, topic, connectionString, applicationName: `${application_name ?? service}-relay`, brokers, clientId: `${service}-relay`, eventLog, ...settings };
      return new RelayThread(data, logger, { entry });
    }
    return new EventRelay({ name: service, topic, pool: this.pool, producer: this.producer, log: openEventLog(this.pool, eventLog), logger, ...settings });
  }

  private async startWhenKafkaAnswers(): Promise<void> {
    const signal = this.stopping.signal;
    const ownTopic = eventsTopic(this.options.service, this.options.topicPrefix ?? '');
    const subscribed = this.registry.topics();
    for (let attempt = 1; !signal.aborted; attempt++) {
      try {
        await this.ensureTopics([ownTopic, ...subscribed]);
        this.relay?.start();
        if (subscribed.length > 0 && !signal.aborted) {
          this.consumer ??= this.createConsumer(subscribed);
          await this.consumer.start();
        }
        this.logger.log(`relay ${this.relay ? `→ ${ownTopic}` : 'off'}; consuming ${subscribed.join(', ') || 'nothing'}`);
        return;
      } catch (error) {
        await this.consumer?.stop().catch(() => undefined);
        this.logger.warn(`Kafka not ready (${describeError(error)}); retrying`);
        await sleep(backoffDelay(attempt, { initialMs: 500, maxMs: 15_000 }), signal);
      }
    }
  }

  private async ensureTopics(topics: string[]): Promise<void> {
    await this.admin.connect();
    const partitions = this.options.topicPartitions ?? 3;
    const all = [...new Set([...topics, ...topics.map(dlqTopic)])];
    await this.admin.createTopics(all.map((topic) => ({ topic, partitions })));
  }

  private createConsumer(topics: string[]): IntegrationEventConsumer {
    return new IntegrationEventConsumer({
      kafka: this.kafka,
      // The prefix isolates runs sharing a broker: with one group for all of them, the assigner
      // would hand one run's partitions to another run's members.
      groupId: this.options.consumerGroup ?? `${this.options.topicPrefix ?? ''}${this.options.service}`,
      topics,
      pool: this.pool,
      registry: this.registry,
      dlqProducer: this.producer,
      policy: this.options.consumerPolicy,
      pace: this.options.consumerPace,
      // A handler's appends commit with its transaction: publish them without waiting to poll.
      onSettled: (_message, outcome) => {
        if (outcome === 'applied') this.relay?.poke();
      },
    });
  }
}
