import type { Kafka, Producer } from 'kafkajs';
import { KeyPartitioner } from './key-partitioner';
import type { MessageProducer, OutgoingMessage } from './kafka.ports';

/**
 * Idempotent, acks = all, one request in flight per connection so a retry can never overtake
 * the message before it. After a failed send the underlying producer is replaced: a fresh
 * producer id starts fresh sequence numbers, so the caller's retry of the same batch cannot
 * trip over sequence state left behind by the failure.
 */
export class KafkajsProducer implements MessageProducer {
  private producer: Producer | null = null;
  private connecting: Promise<Producer> | null = null;

  constructor(private readonly kafka: Kafka) {}

  async connect(): Promise<void> {
    await this.ready();
  }

  async send(topic: string, messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const producer = await this.ready();
    try {
      await producer.send({
        topic,
        acks: -1,
        messages: messages.map(({ key, value, headers }) => ({ key, value, headers })),
      });
    } catch (error) {
      await this.discard(producer);
      throw error;
    }
  }

  async disconnect(): Promise<void> {
    const producer = this.producer ?? (await this.connecting?.catch(() => null)) ?? null;
    if (producer) await this.discard(producer);
  }

  private ready(): Promise<Producer> {
    if (this.producer) return Promise.resolve(this.producer);
    this.connecting ??= this.open().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async open(): Promise<Producer> {
    const producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: KeyPartitioner,
      retry: { retries: 5, initialRetryTime: 200, maxRetryTime: 5_000 },
    });
    try {
      await producer.connect();
    } catch (error) {
      await producer.disconnect().catch(() => undefined);
      throw error;
    }
    this.producer = producer;
    return producer;
  }

  private async discard(producer: Producer): Promise<void> {
    if (this.producer === producer) this.producer = null;
    await producer.disconnect().catch(() => undefined);
  }
}
