import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { toEnvelope, type UnitRegisteredV1 } from '@rectify/contracts';
import { createKafka, eventsTopic, parseBrokers } from '@rectify/messaging';
import { eventually } from '../stack/api-client';

/** The demo directory of DESIGN §7, as the gateway publishes it. */
export const DEMO_DIRECTORY_UNITS: readonly UnitRegisteredV1[] = [
  { unitId: 'county', name: 'County Government', parentId: null },
  { unitId: 'unit-a', name: 'County Transport Bureau', parentId: 'county' },
  { unitId: 'unit-b', name: 'Township A Government', parentId: 'county' },
  { unitId: 'unit-c', name: 'County Market Supervision Bureau', parentId: 'county' },
];

/**
 * For a service under test without a gateway: publishes `UnitRegistered` on the (prefixed)
 * `gateway.events` topic, as the gateway would, and waits until the service's directory copy
 * in `pool` holds every unit. Goes through the real broker and the real consumer.
 */
export async function feedDirectory(options: { topicPrefix: string; pool: Pool; units?: readonly UnitRegisteredV1[]; brokers?: string }): Promise<void> {
  const units = options.units ?? DEMO_DIRECTORY_UNITS;
  const producer = createKafka({ brokers: parseBrokers(options.brokers ?? process.env.KAFKA_BROKERS ?? '127.0.0.1:9092'), clientId: 'test-directory-feed' }).producer();
  await producer.connect();
  try {
    const now = new Date();
    const messages = units.map((data, i) => {
      const envelope = toEnvelope({
        eventId: randomUUID(), type: 'UnitRegistered', schemaVersion: 1, data,
        metadata: { correlationId: randomUUID(), causationId: null, actor: { id: 'gateway', role: 'system', unitId: null } },
        occurredAt: now, recordedAt: now, streamId: `unit-${data.unitId}`, streamVersion: 1, position: String(i + 1),
      });
      return { key: envelope.streamId, value: JSON.stringify(envelope), headers: { type: envelope.type } };
    });
    await producer.send(eventsTopic('gateway', options.topicPrefix), messages);
  } finally {
    await producer.disconnect();
  }
  const ids = units.map((u) => u.unitId);
  await eventually(
    async () => Number((await options.pool.query('SELECT count(*) FROM directory_units WHERE id = ANY($1)', [ids])).rows[0].count) === ids.length,
    30_000,
    `the directory copy to hold ${ids.join(', ')}`,
  );
}
