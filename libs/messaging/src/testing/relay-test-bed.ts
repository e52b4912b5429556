import { PgEventStore } from '@rectify/event-store';
import type { KafkaAdmin, KafkaClient } from '../kafka/kafka.ports';
import type { LoggerLike } from '../logger-like';
import { createTestSchema, type TestSchema } from './test-database';
import { testKafka } from './test-kafka';

export interface RelayTestBed {
  db: TestSchema;
  store: PgEventStore;
  kafka: KafkaClient;
  admin: KafkaAdmin;
}

/**
 * A fresh schema with its event store and a connected Kafka admin for the specs of a describe
 * block, dropped after them. Read the fields inside tests (they are set in beforeAll).
 */
export function useRelayTestBed(): RelayTestBed {
  const bed = {} as RelayTestBed;
  beforeAll(async () => {
    bed.db = await createTestSchema();
    bed.store = new PgEventStore(bed.db.pool);
    bed.kafka = testKafka();
    bed.admin = bed.kafka.admin();
    await bed.admin.connect();
  });
  afterAll(async () => {
    await bed.admin?.disconnect();
    await bed.db?.drop();
  });
  return bed;
}

/** A logger that keeps every line, whatever its level. */
export function collectingLogger(): LoggerLike & { lines: string[] } {
  const lines: string[] = [];
  const keep = (line: string) => void lines.push(line);
  return { lines, log: keep, warn: keep, error: keep };
}
