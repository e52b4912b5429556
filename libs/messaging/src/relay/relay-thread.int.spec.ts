import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testEvent } from '@rectify/test-kit';
import { collectingLogger, useRelayTestBed } from '../testing/relay-test-bed';
import { createTestTopics, eventually, readTopic, testBrokers, uniqueName } from '../testing/test-kafka';
import { RelayCheckpoints } from './relay-checkpoints';
import { RelayThread } from './relay-thread';

const ROOT = join(__dirname, '..', '..', '..', '..');
// Jest compiles TypeScript in its own module registry, which a worker thread does not share:
// the worker loads its TypeScript entry through the scripts' loader instead.
const LOADER = { entry: join(__dirname, 'relay.worker.ts'), execArgv: ['-r', join(ROOT, 'scripts', 'register-ts.cjs')] };

jest.setTimeout(60_000);


describe('RelayThread (real Kafka and PostgreSQL)', () => {
  const bed = useRelayTestBed();

  it('publishes the log from its worker thread, reports leadership and checkpoint, and stops', async () => {
    const { topic } = await createTestTopics(bed.admin, 3);
    const name = uniqueName('relay');
    const logger = collectingLogger();
    const relay = new RelayThread(
      { name, topic, connectionString: bed.db.url, applicationName: name, brokers: testBrokers(), clientId: name },
      logger,
      LOADER,
    );
    const streams = Array.from({ length: 10 }, () => `case-${randomUUID()}`);
    for (const stream of streams) {
      await bed.store.append(stream, [testEvent('TestHappened', { stream })], 0);
    }

    relay.start();
    await eventually(() => relay.isLeader, 30_000);
    const messages = await readTopic(bed.kafka, topic, (read) => read.length >= streams.length);
    const last = (await bed.store.readAll({ txid: '0', position: '0' })).at(-1)!;
    await eventually(() => relay.checkpoint?.position === last.position);
    expect(await new RelayCheckpoints(bed.db.pool, name).load()).toEqual({ txid: last.txid, position: last.position });
    expect(new Set(messages.map((m) => m.key?.toString()))).toEqual(new Set(streams));
    // Its log lines come through the main thread's logger.
    expect(logger.lines).toContain(`leading: publishing to ${topic}`);

    await relay.stop();
    expect(relay.isLeader).toBe(false);
    // The worker's lock connection is closed with it: the lock is free for the next relay.
    const connections = async () =>
      (await bed.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1', [name])).rows[0].n;
    await eventually(async () => (await connections()) === 0, 5_000);
  });

  it('reads the log as soon as this process pokes it, not at its next poll', async () => {
    const { topic } = await createTestTopics(bed.admin, 1);
    const name = uniqueName('relay');
    // Polls a minute apart: only the poke can make it read in time.
    const relay = new RelayThread(
      { name, topic, connectionString: bed.db.url, applicationName: name, brokers: testBrokers(), clientId: name, idlePollMs: 60_000, maxIdlePollMs: 60_000 },
      collectingLogger(),
      LOADER,
    );
    relay.start();
    try {
      await eventually(() => relay.isLeader, 30_000);
      await new Promise((resolve) => setTimeout(resolve, 300)); // it has read the log and waits
      const stream = `case-${randomUUID()}`;
      await bed.store.append(stream, [testEvent('TestHappened', { stream })], 0);
      relay.poke();
      // (The log still holds the first test's events, published at once when this relay started.)
      const messages = await readTopic(bed.kafka, topic, (read) => read.some((m) => m.key?.toString() === stream), 10_000);
      expect(messages.filter((m) => m.key?.toString() === stream)).toHaveLength(1);
    } finally {
      await relay.stop();
    }
  });

  it('starts a worker that died again, waiting longer after each death, and stops retrying when stopped', async () => {
    // A worker that dies at once, every time.
    const dir = mkdtempSync(join(tmpdir(), 'relay-thread-'));
    const entry = join(dir, 'dies.js');
    writeFileSync(entry, 'process.exit(3);\n');
    const logger = collectingLogger();
    const warnings = logger.lines;
    const relay = new RelayThread(
      { name: 'dies', topic: 'unused', connectionString: bed.db.url, applicationName: 'dies', brokers: testBrokers(), clientId: 'dies' },
      logger,
      { entry, execArgv: [] },
    );
    try {
      relay.start();
      await eventually(() => warnings.length >= 2, 10_000, 50);
      expect(warnings.slice(0, 2)).toEqual([
        'relay worker exited (code 3); starting it again in 1000 ms',
        'relay worker exited (code 3); starting it again in 2000 ms',
      ]);
      expect(relay.isLeader).toBe(false);
    } finally {
      await relay.stop();
      rmSync(dir, { recursive: true, force: true });
    }
    const seen = warnings.length;
    await new Promise((resolve) => setTimeout(resolve, 4_500));
    expect(warnings).toHaveLength(seen);
  });
});
