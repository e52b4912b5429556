import { randomUUID } from 'node:crypto';
import { createKafka, type IncomingMessage, parseBrokers } from '@rectify/messaging';

/** Every message on `topic` from the beginning until `done` holds (a fresh consumer group each time). */
export async function readTopic(topic: string, done: (messages: IncomingMessage[]) => boolean, timeoutMs = 30_000): Promise<IncomingMessage[]> {
  const kafka = createKafka({ brokers: parseBrokers(process.env.KAFKA_BROKERS ?? '127.0.0.1:9092'), clientId: 'test-reader' });
  const consumer = kafka.consumer({ groupId: `test-reader-${randomUUID()}` });
  const messages: IncomingMessage[] = [];
  await consumer.connect();
  await consumer.subscribe([topic], { fromBeginning: true });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${messages.length} messages on ${topic} after ${timeoutMs} ms`)), timeoutMs);
      void consumer.run(async (message) => {
        messages.push(message);
        if (done(messages)) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return messages;
}

/** The first message on `topic` that matches. */
export async function findMessage(topic: string, match: (message: IncomingMessage) => boolean, timeoutMs = 30_000): Promise<IncomingMessage> {
  const messages = await readTopic(topic, (seen) => match(seen[seen.length - 1]), timeoutMs);
  return messages[messages.length - 1];
}

/** The JSON envelope a message carries. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const envelopeOf = <T = any>(message: IncomingMessage): T => JSON.parse(message.value?.toString() ?? '{}') as T;
