import { randomUUID } from 'node:crypto';
import { Global, Injectable, Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { IntegrationEnvelope } from '@rectify/contracts';
import { PgEventStore } from '@rectify/event-store';
import { IsString } from 'class-validator';
import type { PoolClient } from 'pg';
import { KafkaHealthIndicator } from '../health/kafka-health.indicator';
import { createTestSchema, type TestSchema } from '../testing/test-database';
import { eventually, testBrokers, uniqueName } from '../testing/test-kafka';
import { HandlesEvent, HandlesEventBatch } from './handles-event.decorator';
import { MessagingLifecycle } from './messaging.lifecycle';
import { MessagingModule } from './messaging.module';

jest.setTimeout(60_000);

const PG_POOL = Symbol('PG_POOL');

class FindingRecordedData {
  @IsString()
  findingId: string;
}

// The service consumes its own topic here only to keep the test to one app.
@Injectable()
class FindingEffects {
  readonly batches: string[][] = [];

  @HandlesEvent('alpha', 'FindingRecorded', FindingRecordedData)
  async onFinding(event: IntegrationEnvelope<FindingRecordedData>, tx: PoolClient): Promise<void> {
    await tx.query('INSERT INTO test_effects (event_id, finding_id) VALUES ($1, $2)', [event.eventId, event.data.findingId]);
  }

  @HandlesEventBatch('alpha', 'FindingConfirmed', FindingRecordedData)
  async onConfirmations(events: IntegrationEnvelope<FindingRecordedData>[], tx: PoolClient): Promise<void> {
    this.batches.push(events.map((event) => event.data.findingId));
    for (const event of events) await this.onFinding(event, tx);
  }
}

describe('MessagingModule in a Nest app (real Kafka and PostgreSQL)', () => {
  let db: TestSchema;
  let app: INestApplicationContext;

  beforeAll(async () => {
    db = await createTestSchema();
    await db.pool.query('CREATE TABLE test_effects (event_id uuid NOT NULL, finding_id text NOT NULL)');

    @Global()
    @Module({ providers: [{ provide: PG_POOL, useValue: db.pool }], exports: [PG_POOL] })
    class TestDatabaseModule {}

    @Module({
      imports: [
        TestDatabaseModule,
        MessagingModule.forService({ poolToken: PG_POOL, service: 'alpha', brokers: testBrokers(), topicPrefix: `${uniqueName('test-nest')}.`, topicPartitions: 1 }),
      ],
      providers: [FindingEffects],
    })
    class AppModule {}

    app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] });
    await app.get(MessagingLifecycle).ready();
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('relays an appended event and runs the @HandlesEvent method for it once', async () => {
    const eventId = randomUUID();
    await new PgEventStore(db.pool).append('finding-1', [
      {
        eventId,
        type: 'FindingRecorded',
        schemaVersion: 1,
        data: { findingId: 'f-1' },
        metadata: { correlationId: randomUUID(), causationId: null, actor: { id: 'u-1', role: 'inspector' } },
        occurredAt: new Date(),
      },
    ], 0);

    await eventually(async () => (await db.pool.query('SELECT 1 FROM test_effects WHERE event_id = $1', [eventId])).rowCount === 1);
    expect(app.get(MessagingLifecycle).isRelayLeader).toBe(true);
  });

  it('hands a @HandlesEventBatch method its events as arrays, in log order', async () => {
    const events = ['c-1', 'c-2', 'c-3'].map((findingId) => ({
      eventId: randomUUID(),
      type: 'FindingConfirmed',
      schemaVersion: 1,
      data: { findingId },
      metadata: { correlationId: randomUUID(), causationId: null, actor: { id: 'u-1', role: 'inspector' } },
      occurredAt: new Date(),
    }));
    await new PgEventStore(db.pool).append('finding-2', events, 0);
    const ids = events.map((event) => event.eventId);
    await eventually(async () => (await db.pool.query('SELECT 1 FROM test_effects WHERE event_id = ANY($1)', [ids])).rowCount === 3);
    expect(app.get(FindingEffects).batches.flat()).toEqual(['c-1', 'c-2', 'c-3']);
  });

  it('reports Kafka up through the health indicator', async () => {
    const result = await app.get(KafkaHealthIndicator).isHealthy();
    expect(result.kafka.status).toBe('up');
  });
});
