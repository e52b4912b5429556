import { Logger } from '@nestjs/common';
import type { Consumer, ConsumerCrashEvent, IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import { backoffDelay, sleep } from '../retry/backoff';
import type {
  BatchHandler,
  ConsumerConfig,
  ConsumerRunOptions,
  IncomingMessage,
  MessageConsumer,
  MessageHandler,
} from './kafka.ports';

/**
 * A group member that never commits on its own: offsets move only through `commit`.
 * kafkajs restarts a crashed consumer only after retriable errors; after any other crash
 * (e.g. the group expelled this member and refused its commit) it would stay dead, so we
 * rebuild it ourselves until `disconnect`.
 */
export class KafkajsConsumer implements MessageConsumer {
  readonly groupId: string;
  private readonly logger = new Logger('Kafka');
  private stopped = new AbortController();
  private consumer: Consumer;
  private subscription: { topics: string[]; fromBeginning: boolean } | null = null;
  private running: { handler: { eachMessage: MessageHandler } | { eachBatch: BatchHandler }; options: ConsumerRunOptions } | null = null;
  private readonly paused = new Set<string>();
  private recovering: Promise<void> | null = null;

  constructor(
    private readonly kafka: Kafka,
    private readonly config: ConsumerConfig,
  ) {
    this.groupId = config.groupId;
    this.consumer = this.create();
  }

  connect(): Promise<void> {
    if (this.stopped.signal.aborted) this.stopped = new AbortController();
    return this.consumer.connect();
  }

  async subscribe(topics: string[], options: { fromBeginning?: boolean } = {}): Promise<void> {
    this.subscription = { topics, fromBeginning: options.fromBeginning ?? true };
    await this.consumer.subscribe(this.subscription);
  }

  async run(handler: MessageHandler, options: ConsumerRunOptions = {}): Promise<void> {
    this.running = { handler: { eachMessage: handler }, options };
    await this.start(this.consumer);
  }

  async runBatches(handler: BatchHandler, options: ConsumerRunOptions = {}): Promise<void> {
    this.running = { handler: { eachBatch: handler }, options };
    await this.start(this.consumer);
  }

  commit(messages: ReadonlyArray<Pick<IncomingMessage, 'topic' | 'partition' | 'offset'>>): Promise<void> {
    // Kafka stores the offset of the next message to read, hence + 1.
    return this.consumer.commitOffsets(messages.map(({ topic, partition, offset }) => ({ topic, partition, offset: (BigInt(offset) + 1n).toString() })));
  }

  pause(topics: string[]): void {
    topics.forEach((topic) => this.paused.add(topic));
    this.consumer.pause(topics.map((topic) => ({ topic })));
  }

  resume(topics: string[]): void {
    topics.forEach((topic) => this.paused.delete(topic));
    this.consumer.resume(topics.map((topic) => ({ topic })));
  }

  async disconnect(): Promise<void> {
    this.stopped.abort();
    await this.recovering;
    await this.consumer.disconnect();
  }

  private create(): Consumer {
    const consumer = this.kafka.consumer({
      groupId: this.config.groupId,
      sessionTimeout: this.config.sessionTimeoutMs ?? 30_000,
      heartbeatInterval: this.config.heartbeatIntervalMs ?? 3_000,
      maxWaitTimeInMs: this.config.maxWaitTimeMs ?? 1_000,
      minBytes: this.config.minBytes ?? 1,
      allowAutoTopicCreation: false,
    });
    consumer.on(consumer.events.CRASH, ({ payload }: ConsumerCrashEvent) => {
      if (!payload.restart && !this.stopped.signal.aborted && consumer === this.consumer) {
        this.recovering ??= this.recover(payload.error).finally(() => (this.recovering = null));
      }
    });
    return consumer;
  }

  private async start(consumer: Consumer): Promise<void> {
    if (!this.running) return;
    const { handler, options } = this.running;
    const partitionsConsumedConcurrently = options.partitionsConsumedConcurrently ?? 1;
    if ('eachMessage' in handler) {
      await consumer.run({
        autoCommit: false,
        partitionsConsumedConcurrently,
        eachMessage: ({ topic, partition, message, heartbeat }) =>
          handler.eachMessage(toIncoming(topic, partition, message), { heartbeat }),
      });
    } else {
      await consumer.run({
        autoCommit: false,
        partitionsConsumedConcurrently,
        // Only what the handler resolves is read past: a batch cut short is fetched again.
        eachBatchAutoResolve: false,
        eachBatch: ({ batch, heartbeat, resolveOffset, isStale }) =>
          handler.eachBatch(
            { topic: batch.topic, partition: batch.partition, messages: batch.messages.map((m) => toIncoming(batch.topic, batch.partition, m)) },
            { heartbeat, isStale, resolve: (message) => resolveOffset(message.offset) },
          ),
      });
    }
    if (this.paused.size > 0) consumer.pause([...this.paused].map((topic) => ({ topic })));
  }

  private async recover(cause: Error): Promise<void> {
    this.logger.warn(`consumer ${this.groupId} crashed (${cause.message}); rejoining the group`);
    for (let attempt = 1; !this.stopped.signal.aborted; attempt++) {
      try {
        await this.consumer.disconnect().catch(() => undefined);
        this.consumer = this.create();
        await this.consumer.connect();
        if (this.subscription) await this.consumer.subscribe(this.subscription);
        await this.start(this.consumer);
        return;
      } catch (error) {
        this.logger.warn(`consumer ${this.groupId} could not rejoin (${(error as Error).message}); retrying`);
        await sleep(backoffDelay(attempt, { initialMs: 500, maxMs: 15_000 }), this.stopped.signal);
      }
    }
  }
}

function toIncoming(topic: string, partition: number, message: KafkaMessage): IncomingMessage {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key,
    value: message.value,
    headers: headersToStrings(message.headers),
    timestamp: message.timestamp,
  };
}

function headersToStrings(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) result[name] = first.toString();
  }
  return result;
}
