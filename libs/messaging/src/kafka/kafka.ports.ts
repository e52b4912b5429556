// Our own small view of a Kafka client. Everything outside this folder depends on these
// interfaces only, so replacing kafkajs touches this folder and nothing else.

export interface OutgoingMessage {
  /** Messages with the same key land on the same partition, in the order sent. */
  key: string | Buffer | null;
  value: string | Buffer | null;
  headers?: Record<string, string>;
}

export interface IncomingMessage {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, string>;
  timestamp: string;
}

export interface MessageContext {
  /** Tells the group coordinator this member is alive; call it during long work. */
  heartbeat(): Promise<void>;
}

export type MessageHandler = (message: IncomingMessage, context: MessageContext) => Promise<void>;

/** Messages of one partition, in offset order, as one fetch returned them. */
export interface MessageBatch {
  topic: string;
  partition: number;
  messages: IncomingMessage[];
}

export interface BatchContext extends MessageContext {
  /** Read on after `message` when fetching next; unresolved messages are fetched again. */
  resolve(message: IncomingMessage): void;
  /** True once the partition was taken away or rewound: the rest of the batch is not ours to settle. */
  isStale(): boolean;
}

export type BatchHandler = (batch: MessageBatch, context: BatchContext) => Promise<void>;

export interface MessageProducer {
  connect(): Promise<void>;
  /** Resolves once every message is acknowledged by all in-sync replicas (acks = all). */
  send(topic: string, messages: OutgoingMessage[]): Promise<void>;
  disconnect(): Promise<void>;
}

export interface ConsumerRunOptions {
  /** How many partitions are handled at once; order within a partition is always kept. */
  partitionsConsumedConcurrently?: number;
}

export interface MessageConsumer {
  readonly groupId: string;
  connect(): Promise<void>;
  subscribe(topics: string[], options?: { fromBeginning?: boolean }): Promise<void>;
  /** Starts fetching in the background; offsets are committed only through `commit`. */
  run(handler: MessageHandler, options?: ConsumerRunOptions): Promise<void>;
  /** Like `run`, a partition's fetched messages at a time (the next fetch waits for every batch). */
  runBatches(handler: BatchHandler, options?: ConsumerRunOptions): Promise<void>;
  /** Marks `message` as done for this group: the next fetch after a restart starts after it. */
  /** Marks each message read (the highest per partition), all in one request. */
  commit(messages: ReadonlyArray<Pick<IncomingMessage, 'topic' | 'partition' | 'offset'>>): Promise<void>;
  pause(topics: string[]): void;
  resume(topics: string[]): void;
  /** Stops fetching and leaves the group. */
  disconnect(): Promise<void>;
}

export interface TopicSpec {
  topic: string;
  partitions: number;
  replicationFactor?: number;
}

export interface ClusterInfo {
  clusterId: string;
  controller: number | null;
  brokers: Array<{ nodeId: number; host: string; port: number }>;
}

export interface PartitionOffsets {
  partition: number;
  /** Offset of the next message to be written. */
  high: string;
  low: string;
}

export interface KafkaAdmin {
  connect(): Promise<void>;
  /** Creates the topics that do not exist yet; existing ones are left as they are. */
  createTopics(topics: TopicSpec[]): Promise<void>;
  listTopics(): Promise<string[]>;
  describeCluster(): Promise<ClusterInfo>;
  topicOffsets(topic: string): Promise<PartitionOffsets[]>;
  disconnect(): Promise<void>;
}

export interface ConsumerConfig {
  groupId: string;
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  /** Long-poll time of an idle fetch; also how long leaving the group can take. */
  maxWaitTimeMs?: number;
  /**
   * The broker answers a fetch once this many bytes are ready (or `maxWaitTimeMs` passed).
   * 1 (the default) answers as soon as anything is there.
   */
  minBytes?: number;
}

export interface KafkaClient {
  producer(): MessageProducer;
  consumer(config: ConsumerConfig): MessageConsumer;
  admin(): KafkaAdmin;
}
