import { randomBytes } from 'node:crypto';
import { createKafka, parseBrokers } from '../kafka/create-kafka';
import type { IncomingMessage, KafkaAdmin, KafkaClient } from '../kafka/kafka.ports';
import { dlqTopic } from '../topics/topic-names';

export function testBrokers(): string[] {
  return parseBrokers(process.env.KAFKA_BROKERS ?? '127.0.0.1:9092');
}

export function testKafka(clientId = 'messaging-test'): KafkaClient {
  return createKafka({ brokers: testBrokers(), clientId });
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

/** A fresh `test-msg-<random>.events` and its `.dlq` (auto-creation is off on the broker). */
export async function createTestTopics(admin: KafkaAdmin, partitions = 3): Promise<{ topic: string; dlq: string }> {
  const topic = `${uniqueName('test-msg')}.events`;
  await admin.createTopics([
    { topic, partitions },
    { topic: dlqTopic(topic), partitions: 1 },
  ]);
  return { topic, dlq: dlqTopic(topic) };
}

/** Every message on `topic` from the start, once `done(messages)` holds (or fails after `timeoutMs`). */
export async function readTopic(
  kafka: KafkaClient,
  topic: string,
  done: (messages: IncomingMessage[]) => boolean,
  timeoutMs = 30_000,
): Promise<IncomingMessage[]> {
  const consumer = kafka.consumer({ groupId: uniqueName('test-reader') });
  const messages: IncomingMessage[] = [];
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  await consumer.connect();
  await consumer.subscribe([topic], { fromBeginning: true });
  await consumer.run(async (message) => {
    messages.push(message);
    if (done(messages)) finish();
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      finished,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`read ${messages.length} messages from ${topic} before timing out`)), timeoutMs);
      }),
    ]);
    return messages;
  } finally {
    clearTimeout(timer);
    await consumer.disconnect();
  }
}

/** Polls `condition` until it holds. */
export async function eventually(condition: () => Promise<boolean> | boolean, timeoutMs = 20_000, everyMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
