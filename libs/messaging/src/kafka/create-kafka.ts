import { Kafka } from 'kafkajs';
import { KafkajsAdmin } from './kafkajs-admin';
import { KafkajsConsumer } from './kafkajs-consumer';
import { KAFKA_LOG_LEVEL, nestLogCreator } from './kafka-logger';
import type { KafkaClient } from './kafka.ports';
import { KafkajsProducer } from './kafkajs-producer';
import { fixIdleRequestQueueTimer } from './kafkajs-request-queue-fix';

export interface KafkaConnectionOptions {
  brokers: string[];
  clientId: string;
  connectionTimeoutMs?: number;
}

export function createKafka({ brokers, clientId, connectionTimeoutMs }: KafkaConnectionOptions): KafkaClient {
  fixIdleRequestQueueTimer();
  const kafka = new Kafka({
    brokers,
    clientId,
    connectionTimeout: connectionTimeoutMs ?? 3_000,
    // Bounded on purpose: our relay and consumers retry without end, with their own backoff
    // and logging, so kafkajs should hand failures back rather than retry forever inside.
    retry: { retries: 5, initialRetryTime: 300, maxRetryTime: 5_000 },
    logLevel: KAFKA_LOG_LEVEL,
    logCreator: nestLogCreator,
  });
  return {
    producer: () => new KafkajsProducer(kafka),
    consumer: (config) => new KafkajsConsumer(kafka, config),
    admin: () => new KafkajsAdmin(kafka),
  };
}

/** `KAFKA_BROKERS=host:9092,host2:9092` → `['host:9092', 'host2:9092']`. */
export function parseBrokers(list: string): string[] {
  return list
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker.length > 0);
}
