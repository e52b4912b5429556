import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..', '..');

/**
 * Runs the project's own `scripts/infra.mjs up` (Kafka from Maven Central artifacts,
 * PostgreSQL or its embedded fallback) unless `npm test` already did for this run.
 */
export function ensureInfrastructure(): void {
  if (process.env.RECTIFY_INFRA_READY === '1') return;
  const script = join(root, 'scripts', 'infra.mjs');
  if (!existsSync(script)) throw new Error(`missing ${script}`);
  const output = execFileSync(process.execPath, [script, 'up', '--json'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] }).toString();
  const last = output.trim().split('\n').pop() ?? '{}';
  const { databaseUrl, brokers } = JSON.parse(last) as { databaseUrl?: string; brokers?: string };
  if (databaseUrl) process.env.DATABASE_URL = databaseUrl;
  if (brokers) process.env.KAFKA_BROKERS = brokers;
  process.env.RECTIFY_INFRA_READY = '1';
}
