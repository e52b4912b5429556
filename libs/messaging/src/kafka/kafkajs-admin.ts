import type { Admin, Kafka } from 'kafkajs';
import type { ClusterInfo, KafkaAdmin, PartitionOffsets, TopicSpec } from './kafka.ports';

export class KafkajsAdmin implements KafkaAdmin {
  private readonly admin: Admin;

  constructor(kafka: Kafka) {
    this.admin = kafka.admin({ retry: { retries: 3, initialRetryTime: 200, maxRetryTime: 2_000 } });
  }

  connect(): Promise<void> {
    return this.admin.connect();
  }

  async createTopics(topics: TopicSpec[]): Promise<void> {
    const existing = new Set(await this.admin.listTopics());
    const missing = topics.filter(({ topic }) => !existing.has(topic));
    if (missing.length === 0) return;
    try {
      await this.admin.createTopics({
        waitForLeaders: true,
        topics: missing.map(({ topic, partitions, replicationFactor }) => ({
          topic,
          numPartitions: partitions,
          replicationFactor: replicationFactor ?? 1,
        })),
      });
    } catch (error) {
      // Another process may have created the same topic between our list and our create.
      if (!isTopicAlreadyExists(error)) throw error;
    }
  }

  listTopics(): Promise<string[]> {
    return this.admin.listTopics();
  }

  describeCluster(): Promise<ClusterInfo> {
    return this.admin.describeCluster();
  }

  async topicOffsets(topic: string): Promise<PartitionOffsets[]> {
    const offsets = await this.admin.fetchTopicOffsets(topic);
    return offsets.map(({ partition, high, low }) => ({ partition, high, low }));
  }

  disconnect(): Promise<void> {
    return this.admin.disconnect();
  }
}

function isTopicAlreadyExists(error: unknown): boolean {
  const errors = (error as { errors?: Array<{ type?: string }> }).errors ?? [];
  const all = [error as { type?: string }, ...errors];
  return all.some((e) => e?.type === 'TOPIC_ALREADY_EXISTS');
}
