import { randomUUID } from 'node:crypto';
import type { IntegrationEnvelope } from '@rectify/contracts';
import { IsString } from 'class-validator';
import type { KafkaAdmin, KafkaClient, MessageProducer } from '../kafka/kafka.ports';
import { createTestSchema, type TestSchema } from '../testing/test-database';
import { createTestTopics, eventually, readTopic, testKafka, uniqueName } from '../testing/test-kafka';
import { DLQ_HEADERS } from './dead-letter';
import { EventHandlerRegistry, type IntegrationEventHandler } from './handler-registry';
import { IntegrationEventConsumer } from './integration-event-consumer';
import type { Outcome } from './message-processor';

class FindingRecordedData {
  @IsString()
  findingId: string;
}

function envelope(type: string, data: object, eventId = randomUUID()): IntegrationEnvelope {
  const now = new Date().toISOString();
  return {
    eventId,
    type,
    schemaVersion: 1,
    streamId: 'finding-1',
    streamVersion: 1,
    position: '1',
    occurredAt: now,
    recordedAt: now,
    correlationId: randomUUID(),
    causationId: null,
    actor: { id: 'user-1', role: 'inspector', unitId: null },
    data,
  };
}

// Group joins, broker round trips and a child process take longer than Jest's default 5 s.
jest.setTimeout(60_000);

describe('IntegrationEventConsumer (real Kafka and PostgreSQL)', () => {
  let db: TestSchema;
  let kafka: KafkaClient;
  let admin: KafkaAdmin;
  let producer: MessageProducer;
  let consumer: IntegrationEventConsumer | undefined;
  let topic: string;
  let dlq: string;
  let outcomes: Array<{ eventId: string | undefined; outcome: Outcome }>;

  // The handler's effect: one row per application, no unique key, so a double effect shows.
  const recordEffect: IntegrationEventHandler<FindingRecordedData> = async (event, tx) => {
    await tx.query('INSERT INTO test_effects (event_id, finding_id) VALUES ($1, $2)', [event.eventId, event.data.findingId]);
  };
  const effects = async (eventId: string) =>
    Number((await db.pool.query('SELECT count(*) FROM test_effects WHERE event_id = $1', [eventId])).rows[0].count);

  const send = (...values: Array<string | IntegrationEnvelope>) =>
    producer.send(
      topic,
      values.map((value) =>
        typeof value === 'string'
          ? { key: 'finding-1', value }
          : { key: 'finding-1', value: JSON.stringify(value), headers: { eventId: value.eventId } },
      ),
    );

  async function startConsumer(
    handle: IntegrationEventHandler<FindingRecordedData> = recordEffect,
    session: { sessionTimeoutMs?: number; heartbeatIntervalMs?: number; heartbeatEveryMs?: number } = {},
  ) {
    const registry = new EventHandlerRegistry().register({ topic, type: 'FindingRecorded', handle, dataClass: FindingRecordedData });
    consumer = new IntegrationEventConsumer({
      kafka,
      groupId: uniqueName('test-group'),
      topics: [topic],
      pool: db.pool,
      registry,
      onSettled: (message, outcome) => outcomes.push({ eventId: message.headers.eventId, outcome }),
      sessionTimeoutMs: session.sessionTimeoutMs,
      heartbeatIntervalMs: session.heartbeatIntervalMs,
      policy: {
        transientBackoff: { initialMs: 20, maxMs: 200 },
        poisonBackoff: { initialMs: 10, maxMs: 50 },
        ...(session.heartbeatEveryMs ? { heartbeatEveryMs: session.heartbeatEveryMs } : {}),
      },
    });
    await consumer.start();
  }

  beforeAll(async () => {
    db = await createTestSchema();
    await db.pool.query('CREATE TABLE test_effects (event_id uuid NOT NULL, finding_id text NOT NULL)');
    kafka = testKafka();
    admin = kafka.admin();
    await admin.connect();
    producer = kafka.producer();
    await producer.connect();
  });

  beforeEach(async () => {
    outcomes = [];
    ({ topic, dlq } = await createTestTopics(admin, 1));
  });

  afterEach(async () => {
    await consumer?.stop();
    consumer = undefined;
  });

  afterAll(async () => {
    await producer?.disconnect();
    await admin?.disconnect();
    await db?.drop();
  });

  it('applies the same event delivered twice only once', async () => {
    const twice = envelope('FindingRecorded', { findingId: 'f-1' });
    const after = envelope('FindingRecorded', { findingId: 'f-2' });
    await send(twice, twice, after);
    await startConsumer();

    await eventually(async () => (await effects(after.eventId)) === 1);
    expect(await effects(twice.eventId)).toBe(1);
    expect(outcomes.filter((o) => o.eventId === twice.eventId).map((o) => o.outcome)).toEqual(['applied', 'duplicate']);
  });

  it('dead-letters malformed messages with the error and still processes the next message', async () => {
    const { eventId: _missing, ...withoutEventId } = envelope('FindingRecorded', { findingId: 'f-3' });
    const unknownField = envelope('FindingRecorded', { findingId: 'f-4', secret: 'x' });
    const next = envelope('FindingRecorded', { findingId: 'f-5' });
    await send('this is not json', JSON.stringify(withoutEventId), unknownField, next);
    await startConsumer();

    await eventually(async () => (await effects(next.eventId)) === 1);
    const letters = await readTopic(kafka, dlq, (messages) => messages.length >= 3);
    const errors = letters.map((letter) => letter.headers[DLQ_HEADERS.error]);
    expect(errors[0]).toMatch(/not JSON/);
    expect(errors[1]).toMatch(/eventId must be a UUID/);
    expect(errors[2]).toMatch(/property secret should not exist/);
    expect(letters.map((letter) => letter.value?.toString())).toEqual([
      'this is not json',
      JSON.stringify(withoutEventId),
      JSON.stringify(unknownField),
    ]);
    expect(letters[1].headers).toMatchObject({
      [DLQ_HEADERS.originalTopic]: topic,
      [DLQ_HEADERS.originalPartition]: '0',
      [DLQ_HEADERS.originalOffset]: '1',
      [DLQ_HEADERS.reason]: 'invalid-envelope',
    });
    expect(await effects(unknownField.eventId)).toBe(0);
  });

  it('retries a handler that fails with a connection error and applies it once', async () => {
    const event = envelope('FindingRecorded', { findingId: 'f-6' });
    let calls = 0;
    await send(event);
    await startConsumer(async (received, tx) => {
      calls += 1;
      if (calls <= 2) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5999'), { code: 'ECONNREFUSED' });
      await recordEffect(received, tx);
    });

    await eventually(async () => (await effects(event.eventId)) === 1);
    expect(calls).toBe(3);
    const offsets = await admin.topicOffsets(dlq);
    expect(offsets.map((partition) => partition.high)).toEqual(['0']);
  });

  it('dead-letters a handler that keeps failing with a non-transient error and moves on', async () => {
    const poison = envelope('FindingRecorded', { findingId: 'poison' });
    const next = envelope('FindingRecorded', { findingId: 'f-7' });
    let poisonCalls = 0;
    await send(poison, next);
    await startConsumer(async (received, tx) => {
      if (received.data.findingId === 'poison') {
        poisonCalls += 1;
        await tx.query('INSERT INTO test_effects (event_id, finding_id) VALUES ($1, $2)', [received.eventId, 'half-done']);
        throw new TypeError('cannot read properties of undefined');
      }
      await recordEffect(received, tx);
    });

    await eventually(async () => (await effects(next.eventId)) === 1);
    const [letter] = await readTopic(kafka, dlq, (messages) => messages.length >= 1);
    expect(letter.headers[DLQ_HEADERS.error]).toBe('TypeError: cannot read properties of undefined');
    expect(letter.headers[DLQ_HEADERS.reason]).toBe('handler-failed');
    expect(poisonCalls).toBe(3);
    // Each failed try rolled back with its processed_messages row: no half effect remains.
    expect(await effects(poison.eventId)).toBe(0);
  });

  it('keeps its group session alive through a handler that outlasts the session timeout', async () => {
    const slow = envelope('FindingRecorded', { findingId: 'slow' });
    const next = envelope('FindingRecorded', { findingId: 'f-8' });
    let slowCalls = 0;
    await send(slow, next);
    // The broker's minimum session timeout is 6 s; the handler takes 9 s. Without heartbeats the
    // member is expelled, its offset commit refused, and after rejoining it gets the message
    // again (settled then as a duplicate).
    await startConsumer(
      async (received, tx) => {
        if (received.data.findingId === 'slow') {
          slowCalls += 1;
          await new Promise((resolve) => setTimeout(resolve, 9_000));
        }
        await recordEffect(received, tx);
      },
      { sessionTimeoutMs: 6_000, heartbeatIntervalMs: 1_000, heartbeatEveryMs: 1_000 },
    );

    await eventually(async () => (await effects(next.eventId)) === 1, 40_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(slowCalls).toBe(1);
    expect(outcomes.filter((o) => o.eventId === slow.eventId).map((o) => o.outcome)).toEqual(['applied']);
  });
});
