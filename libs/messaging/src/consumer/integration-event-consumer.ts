import { Logger } from '@nestjs/common';
import type { Pool } from 'pg';
import type { IncomingMessage, KafkaClient, MessageConsumer, MessageContext, MessageProducer } from '../kafka/kafka.ports';
import type { LoggerLike } from '../logger-like';
import type { EventHandlerRegistry } from './handler-registry';
import { DEFAULT_PROCESSING_POLICY, MessageProcessor, type Outcome, type ProcessingPolicy } from './message-processor';

export interface IntegrationEventConsumerOptions {
  kafka: KafkaClient;
  /** The Kafka consumer group, and the consumer's name in processed_messages. */
  groupId: string;
  topics: string[];
  pool: Pool;
  registry: EventHandlerRegistry;
  /** For dead letters; by default the consumer opens (and closes) its own. */
  dlqProducer?: MessageProducer;
  policy?: Partial<ProcessingPolicy>;
  /** Where a new group starts: the whole topic (default), since events are history, not news. */
  fromBeginning?: boolean;
  partitionsConsumedConcurrently?: number;
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  logger?: LoggerLike;
  /** Called after each settled message (tests, metrics). */
  onSettled?: (message: IncomingMessage, outcome: Outcome) => void;
}

/**
 * A consumer group member that validates each integration event, applies its handler once
 * (deduplicated by eventId in the handler's own transaction), dead-letters poison, and
 * commits the Kafka offset only after the message is settled.
 */
export class IntegrationEventConsumer {
  private readonly consumer: MessageConsumer;
  private readonly dlqProducer: MessageProducer;
  private readonly processor: MessageProcessor;
  private readonly logger: LoggerLike;
  private stopping = new AbortController();
  private started = false;

  constructor(private readonly options: IntegrationEventConsumerOptions) {
    this.logger = options.logger ?? new Logger(`IntegrationEventConsumer(${options.groupId})`);
    this.consumer = options.kafka.consumer({
      groupId: options.groupId,
      sessionTimeoutMs: options.sessionTimeoutMs,
      heartbeatIntervalMs: options.heartbeatIntervalMs,
    });
    this.dlqProducer = options.dlqProducer ?? options.kafka.producer();
    this.processor = new MessageProcessor(
      options.groupId,
      options.pool,
      options.registry,
      this.dlqProducer,
      { ...DEFAULT_PROCESSING_POLICY, ...options.policy },
      this.logger,
    );
  }

  /** Joins the group and starts consuming in the background. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.stopping = new AbortController();
    await this.consumer.connect();
    await this.consumer.subscribe(this.options.topics, { fromBeginning: this.options.fromBeginning ?? true });
    await this.consumer.run((message, context) => this.handle(message, context), {
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently,
    });
  }

  /** Interrupts retries in progress (their messages stay uncommitted) and leaves the group. */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.stopping.abort();
    await this.consumer.disconnect();
    if (!this.options.dlqProducer) await this.dlqProducer.disconnect();
    this.started = false;
  }

  pause(): void {
    this.consumer.pause(this.options.topics);
  }

  resume(): void {
    this.consumer.resume(this.options.topics);
  }

  private async handle(message: IncomingMessage, context: MessageContext): Promise<void> {
    const outcome = await this.processor.process(message, context, this.stopping.signal);
    // Once stopping, commit nothing more: a later offset committed after an interrupted
    // message would skip that message for good.
    if (outcome === 'interrupted' || this.stopping.signal.aborted) return;
    // If this commit fails (e.g. a rebalance), the error makes the client rejoin and the
    // message comes again; processed_messages turns that into a no-op.
    await this.consumer.commit(message);
    this.options.onSettled?.(message, outcome);
  }
}
