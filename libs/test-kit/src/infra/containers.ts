import { execFileSync } from 'node:child_process';

/**
 * Where a Docker engine answers, tests may run Kafka and PostgreSQL in containers instead of the
 * project's own scripts (RECTIFY_TESTCONTAINERS=0 turns this off, =1 insists on it). Machines
 * without an engine (only the docker client) use scripts/infra.mjs.
 */
export function shouldUseTestcontainers(): boolean {
  if (process.env.RECTIFY_TESTCONTAINERS === '0') return false;
  if (process.env.RECTIFY_TESTCONTAINERS === '1') return true;
  try {
    execFileSync('docker', ['info', '--format', '{{.ServerVersion}}'], { stdio: 'ignore', timeout: 5_000 });
    return true;
  } catch {
    return false;
  }
}

interface Stoppable {
  stop(): Promise<unknown>;
}

const started: Stoppable[] = [];

/** Starts PostgreSQL 15 and a KRaft Kafka broker; returns their addresses. */
export async function startContainers(): Promise<{ databaseUrl: string; brokers: string }> {
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const { KafkaContainer } = await import('@testcontainers/kafka');
  const [postgres, kafka] = await Promise.all([
    new PostgreSqlContainer('postgres:15').withUsername('postgres').withPassword('postgres').start(),
    new KafkaContainer('confluentinc/cp-kafka:7.9.0').withKraft().start(),
  ]);
  started.push(postgres, kafka);
  return {
    databaseUrl: `postgres://postgres:postgres@${postgres.getHost()}:${postgres.getPort()}/postgres`,
    brokers: `${kafka.getHost()}:${kafka.getMappedPort(9093)}`,
  };
}

export async function stopContainers(): Promise<void> {
  await Promise.all(started.splice(0).map((container) => container.stop()));
}
