// A relay as its own process: DATABASE_URL=postgres://…/db KAFKA_BROKERS=host:9092
// RELAY_TOPIC=rectification.events RELAY_NAME=rectification node relay.main.js
// Runs until SIGTERM or SIGINT. Services normally run the relay in-process (MessagingModule);
// this entry exists for tests that kill it mid-stream and for running it apart if needed.
import { Logger } from '@nestjs/common';
import { PgEventStore } from '@rectify/event-store';
import { Pool } from 'pg';
import { createKafka, parseBrokers } from '../kafka/create-kafka';
import { EventRelay } from './event-relay';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

async function main(): Promise<void> {
  const name = required('RELAY_NAME');
  const topic = required('RELAY_TOPIC');
  const logger = new Logger('relay.main');
  const pool = new Pool({ connectionString: required('DATABASE_URL'), max: 4 });
  // An idle pooled connection dropped by the server must not crash the process; the relay
  // retries whatever query was affected.
  pool.on('error', (error) => logger.warn(`idle database connection lost: ${error.message}`));
  const kafka = createKafka({ brokers: parseBrokers(required('KAFKA_BROKERS')), clientId: `relay-${name}` });
  const producer = kafka.producer();
  const relay = new EventRelay({
    name,
    topic,
    pool,
    producer,
    log: new PgEventStore(pool),
    batchSize: Number(process.env.RELAY_BATCH_SIZE ?? 500),
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: stopping`);
    await relay.stop();
    await producer.disconnect();
    await pool.end();
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  relay.start();
}

main().catch((error: unknown) => {
  new Logger('relay.main').error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
