import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { shouldUseTestcontainers, startContainers } from '../infra/containers';
import { createDomainTopics } from '../infra/domain-topics';

const root = join(__dirname, '..', '..', '..', '..');

/**
 * Makes sure the real broker and database answer, unless `npm test` already did for this run:
 * containers where a Docker engine answers, otherwise the project's own `scripts/infra.mjs up`
 * (Kafka from Maven Central artifacts, PostgreSQL or its embedded fallback).
 */
export async function ensureInfrastructure(): Promise<void> {
  if (process.env.RECTIFY_INFRA_READY === '1') return;
  if (shouldUseTestcontainers()) {
    const { databaseUrl, brokers } = await startContainers();
    process.env.DATABASE_URL = databaseUrl;
    process.env.KAFKA_BROKERS = brokers;
    await createDomainTopics(brokers, process.env.KAFKA_TOPIC_PREFIX ?? '');
  } else {
    const script = join(root, 'scripts', 'infra.mjs');
    if (!existsSync(script)) throw new Error(`missing ${script}`);
    const output = execFileSync(process.execPath, [script, 'up', '--json'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] }).toString();
    const { databaseUrl, brokers, kafkaPid } = JSON.parse(output.trim().split('\n').pop() ?? '{}') as { databaseUrl?: string; brokers?: string; kafkaPid?: number | null };
    if (databaseUrl) process.env.DATABASE_URL = databaseUrl;
    if (brokers) process.env.KAFKA_BROKERS = brokers;
    // bench:pipeline reports the broker's CPU beside the services'.
    if (kafkaPid) process.env.RECTIFY_KAFKA_PID = String(kafkaPid);
  }
  process.env.RECTIFY_INFRA_READY = '1';
}
