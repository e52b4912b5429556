import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client, type Pool } from 'pg';
import { TokenService } from '@rectify/auth';
import { databaseName, PG_POOL, serviceDatabaseUrl } from '@rectify/database';
import { createHttpApp } from '@rectify/http';
import { createKafka, type IncomingMessage, MessagingLifecycle, parseBrokers } from '@rectify/messaging';
import { AppModule } from '../app.module';

export interface EvaluationsTestApp {
  app: NestFastifyApplication;
  pool: Pool;
  topicPrefix: string;
  /** `Authorization` header value of an inspector. */
  inspector: string;
  /** `Authorization` header value of a unit-a department user. */
  department: string;
  close(): Promise<void>;
}

/**
 * The evaluations service in-process on a fresh `rectify_test_<name>_evaluations` database and
 * per-run topics, with the real PostgreSQL and Kafka of the int tier.
 */
export async function startEvaluationsTestApp(name: string, env: Record<string, string> = {}): Promise<EvaluationsTestApp> {
  const prefix = `rectify_test_${name}`;
  const topicPrefix = `test-${name}-${randomBytes(4).toString('hex')}.`;
  Object.assign(process.env, {
    JWT_SECRET: randomBytes(24).toString('hex'),
    DATABASE_NAME_PREFIX: prefix,
    KAFKA_TOPIC_PREFIX: topicPrefix,
    REPORT_CONTACT_KEY: randomBytes(32).toString('hex'),
    PUBLIC_RATE_LIMIT_BURST: '10000',
    PUBLIC_RATE_LIMIT_PER_MINUTE: '10000',
    ...env,
  });
  await dropDatabase(prefix);
  const app = await createHttpApp(AppModule, { name: 'evaluations', logLevel: 'error' });
  await app.init();
  await app.get(MessagingLifecycle).ready();
  const tokens = app.get(TokenService);
  const inspector = `Bearer ${tokens.sign({ id: 'u-inspector', username: 'inspector', role: 'inspector', unitId: null })}`;
  const department = `Bearer ${tokens.sign({ id: 'u-dept-a', username: 'dept-a', role: 'department', unitId: 'unit-a' })}`;
  return { app, pool: app.get<Pool>(PG_POOL), topicPrefix, inspector, department, close: () => app.close() };
}

async function dropDatabase(prefix: string): Promise<void> {
  const url = serviceDatabaseUrl({ DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', DATABASE_NAME_PREFIX: prefix }, 'evaluations');
  const name = databaseName(url);
  if (!name.includes('test')) throw new Error(`refusing to drop ${name}: not a test database`);
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

const kafka = () => createKafka({ brokers: parseBrokers(process.env.KAFKA_BROKERS ?? '127.0.0.1:9092'), clientId: 'evaluations-int' });

export interface TopicEvent {
  type: string;
  streamId: string;
  data: Record<string, unknown>;
}

/** Reads `topic` from the start until `done` holds for what was read (or fails after `timeoutMs`). */
export async function readTopicUntil(topic: string, done: (events: TopicEvent[]) => boolean, timeoutMs = 30_000): Promise<TopicEvent[]> {
  const consumer = kafka().consumer({ groupId: `evaluations-int-${randomUUID()}` });
  const events: TopicEvent[] = [];
  await consumer.connect();
  await consumer.subscribe([topic], { fromBeginning: true });
  let timer: NodeJS.Timeout | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`read ${events.length} events from ${topic} before timing out`)), timeoutMs);
      void consumer.run(async (message: IncomingMessage) => {
        events.push(JSON.parse(message.value?.toString() ?? '{}') as TopicEvent);
        if (done(events)) resolve();
      });
    });
    return events;
  } finally {
    clearTimeout(timer);
    await consumer.disconnect();
  }
}

/** Publishes what rectification would, as rectification's relay would (key = case stream). */
export async function publishCaseEvent(topicPrefix: string, type: string, caseId: string, version: number, data: Record<string, unknown>): Promise<void> {
  const producer = kafka().producer();
  await producer.connect();
  const now = new Date().toISOString();
  const envelope = {
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    streamId: `case-${caseId}`,
    streamVersion: version,
    position: String(version),
    occurredAt: now,
    recordedAt: now,
    correlationId: randomUUID(),
    causationId: null,
    actor: { id: 'system:rectification', role: 'system', unitId: null },
    data,
  };
  try {
    await producer.send(`${topicPrefix}rectification.events`, [{ key: `case-${caseId}`, value: JSON.stringify(envelope), headers: { type } }]);
  } finally {
    await producer.disconnect();
  }
}

export const sha256 = (text: string): Buffer => createHash('sha256').update(text).digest();

export async function eventuallyTrue(condition: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
