import { Logger } from '@nestjs/common';
import type { Pool } from 'pg';
import type { BatchContext, IncomingMessage, KafkaClient, MessageBatch, MessageConsumer, MessageProducer } from '../kafka/kafka.ports';
import type { LoggerLike } from '../logger-like';
import { BatchProcessor } from './batch-processor';
import { type ConsumerPace, FETCH_SETTINGS } from './consumer-pace';
import type { EventHandlerRegistry } from './handler-registry';
import { DEFAULT_PROCESSING_POLICY, MessageProcessor, type Outcome, type ProcessingPolicy } from './message-processor';
import { OffsetCommitter } from './offset-committer';

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
  /** `prompt` (default) for consumers someone waits for, `batched` for background work (ADR 012). */
  pace?: ConsumerPace;
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  logger?: LoggerLike;
  /** Called after each settled message (tests, metrics). */
  onSettled?: (message: IncomingMessage, outcome: Outcome) => void;
}

/**
 * A consumer group member that validates each integration event, applies its handler once
 * (deduplicated by eventId in the transaction of the handler's effect, one transaction per
 * fetched batch), dead-letters poison, and commits the Kafka offset only after the message is
 * settled (ADR 009).
 */
export class IntegrationEventConsumer {
  private readonly consumer: MessageConsumer;
  private readonly dlqProducer: MessageProducer;
  private readonly processor: BatchProcessor;
  private readonly offsets: OffsetCommitter;
  private readonly logger: LoggerLike;
  private stopping = new AbortController();
  private started = false;

  constructor(private readonly options: IntegrationEventConsumerOptions) {
    this.logger = options.logger ?? new Logger(`IntegrationEventConsumer(${options.groupId})`);
    this.consumer = options.kafka.consumer({
      groupId: options.groupId,
      sessionTimeoutMs: options.sessionTimeoutMs,
      heartbeatIntervalMs: options.heartbeatIntervalMs,
      ...FETCH_SETTINGS[options.pace ?? 'prompt'],
    });
    this.dlqProducer = options.dlqProducer ?? options.kafka.producer();
    this.offsets = new OffsetCommitter(this.consumer, this.logger);
    const policy = { ...DEFAULT_PROCESSING_POLICY, ...options.policy };
    const single = new MessageProcessor(options.groupId, options.pool, this.dlqProducer, policy, this.logger);
    this.processor = new BatchProcessor(options.groupId, options.pool, options.registry, single, policy, this.logger);
  }

  /** Joins the group and starts consuming in the background. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.stopping = new AbortController();
    await this.consumer.connect();
    await this.consumer.subscribe(this.options.topics, { fromBeginning: this.options.fromBeginning ?? true });
    await this.consumer.runBatches((batch, context) => this.handle(batch, context), {
      // Partitions are independent (order matters only within one), so take them side by side.
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 16,
    });
  }

  /** Interrupts retries in progress (their messages stay uncommitted) and leaves the group. */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.stopping.abort();
    await this.offsets.flush();
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

  private async handle(batch: MessageBatch, context: BatchContext): Promise<void> {
    const outcomes = await this.processor.process(batch, context, this.stopping.signal);
    for (const [i, message] of batch.messages.entries()) {
      // An interrupted message is not settled: its offset (and, the partition being sequential,
      // every later one) stays uncommitted and is read again.
      if (outcomes[i] === 'interrupted') return;
      context.resolve(message);
      this.offsets.mark(message);
      this.options.onSettled?.(message, outcomes[i]);
    }
  }
}
