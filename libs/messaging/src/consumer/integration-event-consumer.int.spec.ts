import { randomUUID } from 'node:crypto';
import type { IntegrationEnvelope } from '@rectify/contracts';
import type { PoolClient } from 'pg';
import { IsString } from 'class-validator';
import type { KafkaAdmin, KafkaClient, MessageProducer } from '../kafka/kafka.ports';
import { createTestSchema, type TestSchema } from '../testing/test-database';
import { createTestTopics, eventually, readTopic, testKafka, uniqueName } from '../testing/test-kafka';
import type { ConsumerPace } from './consumer-pace';
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

  const effectTransactions = async (eventIds: string[]) =>
    Number((await db.pool.query('SELECT count(DISTINCT xmin::text) FROM test_effects WHERE event_id = ANY($1)', [eventIds])).rows[0].count);
  const outcomesOf = (eventId: string) => outcomes.filter((o) => o.eventId === eventId).map((o) => o.outcome);

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
    session: { sessionTimeoutMs?: number; heartbeatIntervalMs?: number; heartbeatEveryMs?: number; groupId?: string; client?: KafkaClient; pace?: ConsumerPace } = {},
  ) {
    const registry = new EventHandlerRegistry().register({ topic, type: 'FindingRecorded', handle, dataClass: FindingRecordedData });
    consumer = new IntegrationEventConsumer({
      kafka: session.client ?? kafka,
      groupId: session.groupId ?? uniqueName('test-group'),
      topics: [topic],
      pool: db.pool,
      registry,
      onSettled: (message, outcome) => outcomes.push({ eventId: message.headers.eventId, outcome }),
      sessionTimeoutMs: session.sessionTimeoutMs,
      heartbeatIntervalMs: session.heartbeatIntervalMs,
      pace: session.pace,
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
    // As a service's pool does (libs/database): a connection that dies while idle is dropped, not fatal.
    db.pool.on('error', () => undefined);
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

  describe('in batches', () => {
    const findings = (...ids: string[]) => ids.map((id) => envelope('FindingRecorded', { findingId: id }));

    it('applies a fetched batch in one transaction, and the same batch redelivered after a crash not at all', async () => {
      const batch = findings('b-1', 'b-2', 'b-3', 'b-4');
      const ids = batch.map((event) => event.eventId);
      const groupId = uniqueName('test-group');
      await send(...batch);
      // The first member commits its effects and dies before its offset commit reaches the broker.
      await startConsumer(recordEffect, { groupId, client: withoutOffsetCommits(kafka) });
      await eventually(async () => (await Promise.all(ids.map(effects))).every((n) => n === 1));
      expect(await effectTransactions(ids)).toBe(1);
      await consumer?.stop();

      await startConsumer(recordEffect, { groupId });
      await eventually(() => ids.every((id) => outcomesOf(id).length === 2));
      expect(ids.map(outcomesOf)).toEqual(ids.map(() => ['applied', 'duplicate']));
      expect(await Promise.all(ids.map(effects))).toEqual([1, 1, 1, 1]);
    });

    it('at the batched pace takes events sent one by one in a few transactions, and still applies a lone event', async () => {
      await startConsumer(recordEffect, { pace: 'batched' });
      // Ten events 20 ms apart: a prompt consumer, idle between them, gives each its own transaction.
      const trickle = findings(...Array.from({ length: 10 }, (_, i) => `t-${i}`));
      for (const event of trickle) {
        await send(event);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const ids = trickle.map((event) => event.eventId);
      await eventually(async () => (await Promise.all(ids.map(effects))).every((n) => n === 1));
      // The broker holds each fetch up to 200 ms for 64 KiB: the trickle arrives in a few batches.
      expect(await effectTransactions(ids)).toBeLessThanOrEqual(5);

      // Far below 64 KiB, a lone event still comes once the fetch's wait is over.
      const [lone] = findings('lone');
      await send(lone);
      await eventually(async () => (await effects(lone.eventId)) === 1);
      expect(outcomesOf(lone.eventId)).toEqual(['applied']);
    });

    it('dead-letters the poison message of a batch alone and applies the others once', async () => {
      const [before, poison, after, last] = findings('p-1', 'poison', 'p-2', 'p-3');
      let poisonCalls = 0;
      await send(before, poison, after, last);
      await startConsumer(async (received, tx) => {
        if (received.data.findingId === 'poison') {
          poisonCalls += 1;
          throw new TypeError('poisoned');
        }
        await recordEffect(received, tx);
      });

      await eventually(async () => (await effects(last.eventId)) === 1);
      const [letter] = await readTopic(kafka, dlq, (messages) => messages.length >= 1);
      expect(letter.headers.eventId).toBe(poison.eventId);
      expect(letter.headers[DLQ_HEADERS.reason]).toBe('handler-failed');
      // The try inside the batch counts: three tries in all, as for a message on its own.
      expect(poisonCalls).toBe(3);
      expect(await Promise.all([before, poison, after, last].map((event) => effects(event.eventId)))).toEqual([1, 0, 1, 1]);
      expect([before, poison, after, last].map((event) => outcomesOf(event.eventId))).toEqual([['applied'], ['dead-lettered'], ['applied'], ['applied']]);
    });

    it('applies the batches of different partitions one transaction at a time, so shared rows cannot deadlock them', async () => {
      // Two partitions' batches bump two shared counters in opposite orders, each waiting after
      // its first update for the other to make its own (or a second): side by side, a deadlock.
      ({ topic, dlq } = await createTestTopics(admin, 2));
      await db.pool.query('CREATE TABLE IF NOT EXISTS test_counters (name text PRIMARY KEY, n int NOT NULL)');
      await db.pool.query(`INSERT INTO test_counters VALUES ('a', 0), ('b', 0) ON CONFLICT (name) DO UPDATE SET n = 0`);
      const [ab, ba] = findings('ab', 'ba');
      // With two partitions kafkajs' default partitioner puts 'counter-a' on 1 and 'counter-b' on 0.
      await producer.send(topic, [
        { key: 'counter-a', value: JSON.stringify(ab), headers: { eventId: ab.eventId } },
        { key: 'counter-b', value: JSON.stringify(ba), headers: { eventId: ba.eventId } },
      ]);
      let arrived = 0;
      let bothArrived!: () => void;
      const barrier = new Promise<void>((resolve) => (bothArrived = resolve));
      const tries: string[] = [];
      await startConsumer(async (received, tx) => {
        const [first, second] = received.data.findingId === 'ab' ? ['a', 'b'] : ['b', 'a'];
        tries.push(received.data.findingId);
        await tx.query('UPDATE test_counters SET n = n + 1 WHERE name = $1', [first]);
        if (++arrived === 2) bothArrived();
        await Promise.race([barrier, new Promise((resolve) => setTimeout(resolve, 1_000))]);
        await tx.query('UPDATE test_counters SET n = n + 1 WHERE name = $1', [second]);
        await recordEffect(received, tx);
      });

      await eventually(async () => (await effects(ab.eventId)) === 1 && (await effects(ba.eventId)) === 1);
      const { rows } = await db.pool.query<{ name: string; n: number }>('SELECT name, n FROM test_counters ORDER BY name');
      expect(rows).toEqual([{ name: 'a', n: 2 }, { name: 'b', n: 2 }]);
      // Each handler ran once: no batch was rolled back by a deadlock and retried.
      expect(tries.sort()).toEqual(['ab', 'ba']);
    });

    it('hands a batch handler the new events of its type together, in order, and one at a time after a failed batch', async () => {
      const [first, second, third] = findings('h-1', 'h-2', 'h-3');
      const [poisoned, healthy] = findings('poison', 'h-4');
      const calls: string[][] = [];
      const registry = new EventHandlerRegistry();
      const handleBatch = async (events: IntegrationEnvelope<FindingRecordedData>[], tx: PoolClient) => {
        calls.push(events.map((event) => event.data.findingId));
        if (events.some((event) => event.data.findingId === 'poison')) throw new TypeError('poisoned');
        for (const event of events) await recordEffect(event, tx);
      };
      registry.register({ topic, type: 'FindingRecorded', dataClass: FindingRecordedData, handleBatch, handle: (event, tx) => handleBatch([event], tx) });
      await send(first, second, first, third);
      consumer = new IntegrationEventConsumer({
        kafka,
        groupId: uniqueName('test-group'),
        topics: [topic],
        pool: db.pool,
        registry,
        policy: { poisonBackoff: { initialMs: 10, maxMs: 50 } },
        onSettled: (message, outcome) => outcomes.push({ eventId: message.headers.eventId, outcome }),
      });
      await consumer.start();
      await eventually(async () => (await effects(third.eventId)) === 1);
      expect(calls).toEqual([['h-1', 'h-2', 'h-3']]);

      await send(poisoned, healthy);
      await eventually(async () => (await effects(healthy.eventId)) === 1);
      await readTopic(kafka, dlq, (messages) => messages.length >= 1);
      // The batch, then each event alone: the poisoned one (first of the run, so the batch's try
      // counts against it) three times in all, then dead-lettered.
      expect(calls.slice(1)).toEqual([['poison', 'h-4'], ['poison'], ['poison'], ['h-4']]);
      expect(await Promise.all([first, second, third, poisoned, healthy].map((event) => effects(event.eventId)))).toEqual([1, 1, 1, 0, 1]);
    });

    it('applies each event of a batch once when its connection dies mid-batch', async () => {
      const batch = findings('c-1', 'c-2', 'c-3');
      let killed = false;
      await send(...batch);
      await startConsumer(async (received, tx) => {
        await recordEffect(received, tx);
        if (received.data.findingId === 'c-2' && !killed) {
          killed = true;
          await tx.query('SELECT pg_terminate_backend(pg_backend_pid())').catch(() => undefined);
        }
      });

      await eventually(async () => (await Promise.all(batch.map((event) => effects(event.eventId)))).every((n) => n === 1));
      expect(killed).toBe(true);
      expect(batch.map((event) => outcomesOf(event.eventId))).toEqual([['applied'], ['applied'], ['applied']]);
    });
  });
});

/** The real client, except that offset commits never reach the broker (a member that crashes first). */
function withoutOffsetCommits(kafka: KafkaClient): KafkaClient {
  return {
    ...kafka,
    consumer: (config) => Object.assign(kafka.consumer(config), { commit: () => Promise.resolve() }),
  };
}
