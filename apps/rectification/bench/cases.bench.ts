/**
 * npm run bench:cases — the case service end to end on the local PostgreSQL and Kafka:
 * loading a case of 1,000 and 10,000 events (with and without snapshots), time travel to the
 * middle version, and case creation through HTTP (POST /api/cases, the service running as its own
 * process with its relay and projections) beside the raw single-insert baseline of the
 * event-store bench (8 pg writers in this process), with the CPU each case cost during the create
 * rounds (the service, its database backends, this process, the whole machine). Ends with one
 * JSON line.
 * Targets (issue 3): load10kMs ≤ 40 with snapshots, asOfMidMs ≤ 50, createRatio ≥ 0.5.
 */
import { randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { TokenService } from '@rectify/auth';
import { assertTestDatabaseName, databaseUrl, feedDirectory, freePort, KeepAliveConnection, serverUrl } from '@rectify/test-kit';
import { PG_POOL } from '@rectify/database';
import { type NewEvent, PgEventStore } from '@rectify/event-store';
import { createHttpApp } from '@rectify/http';
import { MessagingLifecycle } from '@rectify/messaging';
import { Client, Pool } from 'pg';
import { bestOfInterleaved, fastest, perSecond, round, time } from '../../../libs/event-store/bench/measure';
import { baselineAppend, createBaselineTable } from '../../../libs/event-store/bench/plain-sql-baseline';
import { machineCpuMs, ProcessCpu } from '../../../test/bench/pipeline/process-cpu';
import { AppModule } from '../src/app.module';
import { CaseRepository } from '../src/cases/case-repository';
import { caseStreamId } from '../src/cases/case-stream';

const PREFIX = process.env.BENCH_DATABASE_PREFIX ?? 'rectify_bench_test';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WRITERS = 8;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const actor = { id: 'bench', role: 'department', unitId: 'unit-a' };

async function main(): Promise<void> {
  const topicPrefix = `bench-cases-${randomUUID().slice(0, 8)}.`;
  Object.assign(process.env, {
    JWT_SECRET: process.env.JWT_SECRET ?? 'bench-cases-secret-0123456789abcdef',
    DATABASE_NAME_PREFIX: PREFIX,
    KAFKA_TOPIC_PREFIX: topicPrefix,
    RECTIFY_TIMER_INTERVAL_MS: '0',
  });
  await dropDatabase(`${PREFIX}_rectification`);
  const app = await createHttpApp(AppModule, { name: 'rectification', logLevel: 'error' });
  await app.init();
  await app.get(MessagingLifecycle).ready();
  const pool: Pool = app.get(PG_POOL);
  // Cases are opened for unit-a: the directory copy must know it, as the gateway's feed would tell it.
  await feedDirectory({ topicPrefix, pool });
  const store = app.get(PgEventStore);
  const cases = app.get(CaseRepository);
  const token = app.get(TokenService).sign({ id: randomUUID(), username: 'inspector', role: 'inspector', unitId: null });

  // 1. Cases with 1,000 and 10,000 events, one ms apart so asOf can land on a version.
  const loads: Record<number, { snapshots: number; none: number; asOfMid: number }> = {};
  for (const size of [1000, 10_000]) {
    const caseId = await longCase(store, size);
    const none = await fastest(() => time(() => cases.load(caseId, { useSnapshots: false })));
    await cases.load(caseId); // writes the snapshots a live service would have written while folding
    const snapshots = await fastest(() => time(() => cases.load(caseId)));
    const mid = (await store.readStream(caseStreamId(caseId), { fromVersion: size / 2, toVersion: size / 2 }))[0];
    const asOfMid = await fastest(() => time(async () => {
      const loaded = await cases.load(caseId, { asOf: mid.occurredAt });
      if (loaded.version !== size / 2) throw new Error(`asOf landed on ${loaded.version}, not ${size / 2}`);
    }));
    loads[size] = { snapshots, none, asOfMid };
  }

  // 2. POST /api/cases through HTTP next to plain single-row inserts, 8 concurrent writers each.
  // The service runs as its own process, as deployed: the load generator (HTTP client, like the
  // pg writers of the baseline) must not share the service's event loop. Only it works the
  // database now: the in-process app (used above for loading) is closed.
  await createBaselineTable(pool);
  const baselinePool = new Pool({ connectionString: databaseUrl(`${PREFIX}_rectification`), max: 10 });
  await app.close();
  const service = await startService();
  const baseUrl = service.url;
  const body = JSON.stringify({ unitId: 'unit-a', category: 'PROCRASTINATION', title: 'Permit stalled', description: 'bench', source: { kind: 'manual' } });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const writers = { writers: WRITERS, seconds: SECONDS };
  // One keep-alive connection per writer, one request in flight on each: 8 at a time, as for pg.
  const connections = await Promise.all(Array.from({ length: WRITERS }, () => KeepAliveConnection.open(baseUrl)));
  const post = (writer: number, postHeaders: Record<string, string>) => connections[writer].request('POST', '/api/cases', postHeaders, body);
  let createPerSec = 0;
  let baselinePerSec = 0;
  let httpCeiling = 0;
  // CPU spent during the create rounds, per case: the service, its database backends, the load
  // generator (this process) and the whole machine (the broker's and everyone else's included).
  const cpu = new ProcessCpu({ rectification: service.pid }, PREFIX);
  const spent: Record<string, number> = { machine: 0 };
  let created = 0;
  const createRound = async () => {
    await cpu.start();
    const machineBefore = machineCpuMs();
    const rate = await perSecond(writers, async (writer) => {
      const { status } = await post(writer, headers);
      if (status !== 201) throw new Error(`POST /api/cases answered ${status}`);
      created += 1;
    });
    spent.machine += machineCpuMs() - machineBefore;
    for (const [name, ms] of Object.entries(cpu.stop())) spent[name] = (spent[name] ?? 0) + ms;
    return rate;
  };
  try {
    [createPerSec, baselinePerSec] = await bestOfInterleaved(
      ROUNDS,
      createRound,
      () => perSecond(writers, (writer, i, run) => baselineAppend(baselinePool, `baseline-${run}-${writer}`, i + 1, newEvent(i))),
    );

    // The shared HTTP stack's ceiling on this machine: a request refused by the token guard (401)
    // goes through every middleware and the problem+json filter but touches no database.
    httpCeiling = await perSecond(writers, async (writer) => {
      const { status } = await post(writer, { 'content-type': 'application/json' });
      if (status !== 401) throw new Error(`POST /api/cases without a token answered ${status}`);
    });
  } finally {
    for (const connection of connections) connection.close();
    await service.stop();
    await baselinePool.end();
  }

  const rows: [string, number][] = [
    ['load 1,000 events, no snapshots (ms)', loads[1000].none],
    ['load 1,000 events, snapshots (ms)', loads[1000].snapshots],
    ['load 10,000 events, no snapshots (ms)', loads[10_000].none],
    ['load 10,000 events, snapshots (ms)', loads[10_000].snapshots],
    ['asOf middle of 1,000 (ms)', loads[1000].asOfMid],
    ['asOf middle of 10,000 (ms)', loads[10_000].asOfMid],
    ['POST /api/cases, 8 clients (cases/s)', createPerSec],
    ['plain pg single insert, 8 writers (rows/s)', baselinePerSec],
    ['401 from the guard, 8 clients (req/s, HTTP ceiling)', httpCeiling],
  ];
  for (const [name, value] of rows) console.log(`${name.padEnd(46)}${value.toFixed(1).padStart(12)}`);
  const perCaseUs = (ms: number) => Math.round((ms * 1000) / Math.max(1, created));
  console.log(`CPU per case in the create rounds (µs): ${Object.entries(spent).map(([name, ms]) => `${name} ${perCaseUs(ms)}`).join(', ')}`);
  console.log(JSON.stringify({
    load10kMs: round(loads[10_000].snapshots),
    load10kNoSnapshotMs: round(loads[10_000].none),
    load1kMs: round(loads[1000].snapshots),
    asOfMidMs: round(loads[10_000].asOfMid),
    createPerSec: Math.round(createPerSec),
    createRatio: round(createPerSec / baselinePerSec),
    httpCeilingPerSec: Math.round(httpCeiling),
    cpuPerCaseUs: perCaseUs(spent.machine),
  }));
}

/** The rectification service from its sources in a child process (no build needed), on a free port. */
async function startService(): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const port = await freePort();
  const root = join(__dirname, '..', '..', '..');
  // RECTIFY_SERVICE_NODE_ARGS="--perf-basic-prof" lets `perf` name the service's JavaScript.
  const nodeArgs = (process.env.RECTIFY_SERVICE_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '-r', join(root, 'scripts', 'register-ts.cjs'), join(root, 'apps', 'rectification', 'src', 'main.ts')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'error', DEMO_DATA: 'false' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 60_000; ; ) {
    if (child.exitCode !== null) throw new Error(`the rectification service exited during start-up (code ${child.exitCode})`);
    const healthy = await fetch(`${url}/health`).then((res) => res.ok, () => false);
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('the rectification service did not become healthy in 60 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    pid: child.pid ?? 0,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A realistic long case: opened, assigned, acknowledged, measures, then progress notes. */
async function longCase(store: PgEventStore, size: number): Promise<string> {
  const caseId = randomUUID();
  const start = Date.now() - size - 60_000;
  const event = (i: number): NewEvent => {
    const base = { eventId: randomUUID(), schemaVersion: 1, metadata: { correlationId: randomUUID(), causationId: null, actor }, occurredAt: new Date(start + i) };
    switch (i) {
      case 0:
        return { ...base, type: 'CaseOpened', data: { caseId, unitId: 'unit-a', category: 'PROCRASTINATION', title: 'Long case', description: 'bench', severity: 'general', source: { kind: 'manual', ref: null }, cadreIds: [] } };
      case 1:
        return { ...base, type: 'CaseAssigned', data: { caseId, responsibleUnitId: 'unit-a', responsiblePerson: 'Wang', deadline: new Date(start + 30 * 86_400_000).toISOString() } };
      case 2:
        return { ...base, type: 'CaseAcknowledged', data: { caseId, acknowledgedBy: actor.id } };
      case 3:
        return { ...base, type: 'MeasuresSubmitted', data: { caseId, measures: [{ description: 'roster', owner: 'Li', dueDate: new Date(start + 86_400_000).toISOString() }] } };
      default:
        return { ...base, type: 'ProgressReported', data: { caseId, note: `progress note ${i}` } };
    }
  };
  const events = Array.from({ length: size }, (_, i) => event(i));
  for (let at = 0; at < size; at += 500) await store.append(caseStreamId(caseId), events.slice(at, at + 500), at);
  return caseId;
}

const newEvent = (i: number): NewEvent => ({
  eventId: randomUUID(),
  type: 'CaseOpened',
  schemaVersion: 1,
  data: { caseId: randomUUID(), unitId: 'unit-a', category: 'PROCRASTINATION', title: 'Permit stalled', description: 'bench', severity: 'general', source: { kind: 'manual', ref: null }, cadreIds: [], i },
  metadata: { correlationId: randomUUID(), causationId: null, actor },
  occurredAt: new Date(),
});

async function dropDatabase(name: string): Promise<void> {
  assertTestDatabaseName(name);
  const admin = new Client({ connectionString: serverUrl() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
