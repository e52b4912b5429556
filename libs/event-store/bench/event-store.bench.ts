/**
 * npm run bench:event-store — the event store next to plain SQL through `pg` on the same
 * PostgreSQL, in one process. Prints a table and ends with one JSON line.
 * Targets (issue 2): appendRatio ≥ 0.85, batchRatio ≥ 0.80, read10kMs ≤ 40, readAllPerSec ≥ 100000.
 */
import { randomUUID } from 'node:crypto';
import { Client, Pool } from 'pg';
import { loadState, migrateEventStore, type NewEvent, PgEventStore, type Reducer, START, type StreamEvent } from '@rectify/event-store';
import { bestOfInterleaved, fastest, perSecond, round, time } from './measure';
import { baselineAppend, baselineBatch, baselineReadAll, baselineReadStream, createBaselineTable } from './plain-sql-baseline';

const DB = process.env.BENCH_DATABASE ?? 'rectify_bench_event_store';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WRITERS = 8;
const ROUNDS = 3;

const actor = { id: 'bench', role: 'inspector', unitId: 'unit-a' };
const newEvent = (i: number): NewEvent => ({
  eventId: randomUUID(),
  type: 'CaseProgressReported',
  schemaVersion: 1,
  data: { note: `progress note ${i}`, measure: i % 7, by: 'dept-a' },
  metadata: { correlationId: randomUUID(), causationId: null, actor },
  occurredAt: new Date(),
});

interface Tally { total: number; }
const counting: Reducer<Tally> = { name: 'bench-count', version: 1, initialState: () => ({ total: 0 }), evolve: (s, e: StreamEvent) => ({ total: s.total + ((e.data as { measure: number }).measure ?? 0) }) };

async function main(): Promise<void> {
  const pool = await freshDatabase();
  const store = new PgEventStore(pool);
  await migrateEventStore(pool);
  await createBaselineTable(pool);
  await pool.query('SELECT 1');

  // 1. One event per transaction, 8 concurrent writers, each on its own stream.
  const writers = { writers: WRITERS, seconds: SECONDS };
  const [appendStore, appendPlain] = await bestOfInterleaved(
    ROUNDS,
    () => perSecond(writers, (writer, i, run) => store.append(`s1-${writer}-${run}`, [newEvent(i)], i)),
    () => perSecond(writers, (writer, i, run) => baselineAppend(pool, `s1-${writer}-${run}`, i + 1, newEvent(i))),
  );

  // 2. 100 events per transaction.
  const batch = (i: number) => Array.from({ length: 100 }, (_, k) => newEvent(i * 100 + k));
  const [batchStore, batchPlain] = await bestOfInterleaved(
    ROUNDS,
    () => perSecond({ ...writers, perOp: 100 }, (writer, i, run) => store.append(`s2-${writer}-${run}`, batch(i), i * 100)),
    () => perSecond({ ...writers, perOp: 100 }, (writer, i, run) => baselineBatch(pool, `s2-${writer}-${run}`, i * 100 + 1, batch(i))),
  );

  // 3. Read and fold one stream of 1,000 and of 10,000 events (no snapshots).
  for (const size of [1000, 10_000]) {
    const events = Array.from({ length: size }, (_, i) => newEvent(i));
    for (let at = 0; at < size; at += 500) await store.append(`long-${size}`, events.slice(at, at + 500), at);
    for (let at = 0; at < size; at += 500) await baselineBatch(pool, `long-${size}`, at + 1, events.slice(at, at + 500));
  }
  const read1k = await fastest(() => time(() => loadState(store, 'long-1000', counting, { useSnapshots: false })));
  const read10k = await fastest(() => time(() => loadState(store, 'long-10000', counting, { useSnapshots: false })));
  const read1kPlain = await fastest(() => time(() => baselineReadStream(pool, 'long-1000')));
  const read10kPlain = await fastest(() => time(() => baselineReadStream(pool, 'long-10000')));

  // 4. readAll over the whole log, in pages of 5,000.
  const readAllStore = await fastestRate(async () => {
    let checkpoint = START;
    let read = 0;
    for (let page = await store.readAll(checkpoint, 5000); page.length > 0; page = await store.readAll(checkpoint, 5000)) {
      read += page.length;
      const last = page[page.length - 1];
      checkpoint = { txid: last.txid, position: last.position };
    }
    return read;
  });
  const readAllPlain = await fastestRate(() => baselineReadAll(pool, 5000));

  const rows = [
    ['append, 1 event/tx, 8 writers (events/s)', appendStore, appendPlain],
    ['append, 100 events/tx, 8 writers (events/s)', batchStore, batchPlain],
    ['read + fold 1,000 events (ms)', read1k, read1kPlain],
    ['read + fold 10,000 events (ms)', read10k, read10kPlain],
    ['readAll (events/s)', readAllStore, readAllPlain],
  ] as const;
  console.log(`${'operation'.padEnd(46)}${'event store'.padStart(14)}${'plain pg'.padStart(14)}${'ratio'.padStart(8)}`);
  for (const [name, ours, plain] of rows) {
    const ratio = name.includes('(ms)') ? plain / ours : ours / plain;
    console.log(`${name.padEnd(46)}${ours.toFixed(1).padStart(14)}${plain.toFixed(1).padStart(14)}${ratio.toFixed(2).padStart(8)}`);
  }
  console.log(JSON.stringify({
    appendRatio: round(appendStore / appendPlain),
    batchRatio: round(batchStore / batchPlain),
    read1kMs: round(read1k),
    read10kMs: round(read10k),
    readAllPerSec: Math.round(readAllStore),
  }));
  await pool.end();
}

async function fastestRate(readEverything: () => Promise<number>): Promise<number> {
  let best = 0;
  await readEverything();
  for (let i = 0; i < ROUNDS; i++) {
    const started = process.hrtime.bigint();
    const count = await readEverything();
    best = Math.max(best, count / (Number(process.hrtime.bigint() - started) / 1e9));
  }
  return best;
}

async function freshDatabase(): Promise<Pool> {
  const server = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${DB}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${DB}"`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${DB}`;
  return new Pool({ connectionString: url.toString(), max: WRITERS + 2 });
}


main().catch((error) => {
  console.error(error);
  process.exit(1);
});
