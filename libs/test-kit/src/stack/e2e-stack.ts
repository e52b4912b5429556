import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { createDomainTopics } from '../infra/domain-topics';
import { claimSlot, releaseSlot, stateFileOf } from './e2e-slot';
import { assertTestDatabaseName, databaseUrl, serverUrl } from '../test-database';

const root = join(__dirname, '..', '..', '..', '..');
const logDir = (slot: number) => join(root, 'test-output', `e2e-logs${slot === 0 ? '' : `-${slot}`}`);

/** The services as e2e tests run them (slot 0; slot n adds 10·n): built, on their own ports, databases and topics. */
export const E2E_SERVICES = [
  { name: 'rectification', port: 13001 },
  { name: 'inspections', port: 13002 },
  { name: 'evaluations', port: 13003 },
  { name: 'notifications', port: 13004 },
  { name: 'gateway', port: 18080 },
] as const;

/** Set by the global setup for the test files of this run. */
const STATE_ENV = 'RECTIFY_E2E_STATE';

export interface E2eStack {
  gatewayUrl: string;
  serviceUrls: Record<string, string>;
  databasePrefix: string;
  topicPrefix: string;
  jwtSecret: string;
  pids: number[];
  slot: number;
  /** Where notifications sends e-mail: a test starts its own SMTP server here. */
  smtpPort: number;
}

export function readStack(): E2eStack {
  const stateFile = process.env[STATE_ENV];
  if (!stateFile) throw new Error(`${STATE_ENV} is not set: run e2e tests through Jest's e2e project`);
  return JSON.parse(readFileSync(stateFile, 'utf8')) as E2eStack;
}

/** Builds, creates fresh databases and per-run topics, starts every service and waits for /health. */
export async function startStack(): Promise<E2eStack> {
  const slot = claimSlot();
  const databasePrefix = `rectify_test_e2e${slot === 0 ? '' : slot}`;
  assertTestDatabaseName(databasePrefix);
  if (process.env.RECTIFY_BUILT !== '1') {
    execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
  }
  // Per-run topics: a fresh consumer group never meets an earlier run's events.
  const topicPrefix = `e2e-${Date.now().toString(36)}.`;
  await createDomainTopics(process.env.KAFKA_BROKERS ?? '127.0.0.1:9092', topicPrefix);
  await dropDatabases(databasePrefix);

  const port = (service: (typeof E2E_SERVICES)[number]) => service.port + slot * 10;
  const serviceUrls = Object.fromEntries(E2E_SERVICES.map((s) => [s.name, `http://127.0.0.1:${port(s)}`]));
  const stack: E2eStack = {
    gatewayUrl: serviceUrls.gateway,
    serviceUrls,
    databasePrefix,
    topicPrefix,
    jwtSecret: randomBytes(32).toString('hex'),
    pids: [],
    slot,
    smtpPort: 12525 + slot * 10,
  };
  mkdirSync(logDir(slot), { recursive: true });
  const children = E2E_SERVICES.map((service) => spawnService(service.name, port(service), stack));
  stack.pids = children.map((child) => child.pid as number);
  writeFileSync(stateFileOf(slot), JSON.stringify(stack));
  process.env[STATE_ENV] = stateFileOf(slot);
  try {
    await Promise.all(E2E_SERVICES.map((s) => waitForHealth(`${serviceUrls[s.name]}/health`, children, 90_000)));
    await Promise.all(E2E_SERVICES.filter((s) => s.name !== 'gateway').map((s) => waitForDirectoryCopy(`${databasePrefix}_${s.name}`, 60_000)));
  } catch (error) {
    stopStack();
    throw error;
  }
  return stack;
}

export function stopStack(): void {
  const stateFile = process.env[STATE_ENV];
  if (!stateFile || !existsSync(stateFile)) return;
  const stack = readStack();
  for (const pid of stack.pids) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  releaseSlot(stack.slot);
}

function spawnService(name: string, port: number, stack: E2eStack): ChildProcess {
  const env = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: serverUrl(),
    DATABASE_NAME_PREFIX: stack.databasePrefix,
    KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
    KAFKA_TOPIC_PREFIX: stack.topicPrefix,
    JWT_SECRET: stack.jwtSecret,
    DEMO_DATA: 'true',
    SMTP_URL: `smtp://127.0.0.1:${stack.smtpPort}`,
    DELIVERY_BASE_DELAY_MS: '200',
    TS_NODE_BASEURL: join(root, 'dist'),
    LOG_LEVEL: 'log',
    ...Object.fromEntries(E2E_SERVICES.filter((s) => s.name !== 'gateway').map((s) => [`${s.name.toUpperCase()}_URL`, stack.serviceUrls[s.name]])),
  };
  // RECTIFY_SERVICE_NODE_ARGS="--perf-basic-prof" lets `perf` name the JavaScript of every service.
  const nodeArgs = (process.env.RECTIFY_SERVICE_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '-r', 'tsconfig-paths/register', join(root, 'dist', 'apps', name, 'src', 'main.js')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(join(logDir(stack.slot), `${name}.log`));
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

async function waitForHealth(url: string, children: ChildProcess[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const dead = children.find((c) => c.exitCode !== null);
    if (dead) throw new Error(`a service exited during start-up (code ${dead.exitCode}); see test-output`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not become healthy in ${timeoutMs} ms; see test-output`);
}

/** The gateway's demo directory reaches every service over Kafka; tests start once all hold it. */
async function waitForDirectoryCopy(database: string, timeoutMs: number): Promise<void> {
  const client = new Client({ connectionString: databaseUrl(database) });
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM directory_units');
      if (Number(rows[0].n) >= 4) return;
      if (Date.now() > deadline) throw new Error(`${database} did not receive the demo directory in ${timeoutMs} ms; see test-output`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await client.end();
  }
}

async function dropDatabases(prefix: string): Promise<void> {
  const admin = new Client({ connectionString: serverUrl() });
  await admin.connect();
  try {
    // `_` is a LIKE wildcard: escaped, so slot 0's prefix never matches slot 7's databases.
    const pattern = `${prefix}_`.replace(/_/g, '\\_');
    const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${pattern}%`]);
    for (const { datname } of rows) {
      assertTestDatabaseName(datname);
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
}
