import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { TokenService } from '@rectify/auth';
import type { ServiceEnv } from '@rectify/config';
import { type IntegrationEnvelope, toEnvelope } from '@rectify/contracts';
import { createKafka, eventsTopic, parseBrokers } from '@rectify/messaging';
import { ApiClient, dropTestDatabase, eventually, freePort, readStack, serverUrl } from '@rectify/test-kit';

/**
 * DESIGN §3.5 "one notice per (event, recipient), however often the event is delivered" and §2
 * "run two instances and they share work": two notifications processes of their own (same
 * consumer group, same database, own topics, so the shared stack is not disturbed), one of them
 * killed and restarted between two deliveries of the same event, then the same event put on
 * every partition at once so both instances race for it in the database.
 */
jest.setTimeout(300_000);

const root = join(__dirname, '..', '..', '..');
const brokers = () => process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
const SECRET = 'unit-a-webhook-secret-two-instances';

interface Call {
  delivery: string;
  noticeId: string;
  caseId: string;
}

interface Instance {
  name: string;
  url: string;
  process: ChildProcess;
  output: string;
}

describe('notifications: one notice and one webhook call per event, across a restart and two instances', () => {
  const stack = readStack();
  const databasePrefix = `rectify_test_notif_twice${stack.slot === 0 ? '' : stack.slot}`;
  const topicPrefix = `e2e-twice-${randomBytes(4).toString('hex')}.`;
  const jwtSecret = randomBytes(24).toString('hex');
  const topic = eventsTopic('rectification', topicPrefix);
  const instances: Record<'a' | 'b', Instance> = {} as Record<'a' | 'b', Instance>;
  const calls: Call[] = [];
  let receiver: Server;
  let receiverUrl: string;

  const start = async (name: 'a' | 'b'): Promise<void> => {
    const port = instances[name]?.url.split(':').pop() ?? String(await freePort());
    mkdirSync(join(root, 'test-output', 'e2e-logs'), { recursive: true });
    const log = createWriteStream(join(root, 'test-output', 'e2e-logs', `notifications-twice-${name}.log`), { flags: 'a' });
    const child = spawn(process.execPath, ['-r', 'tsconfig-paths/register', join(root, 'dist', 'apps', 'notifications', 'src', 'main.js')], {
      cwd: root,
      env: {
        ...process.env,
        PORT: port,
        DATABASE_URL: serverUrl(),
        DATABASE_NAME_PREFIX: databasePrefix,
        KAFKA_BROKERS: brokers(),
        KAFKA_TOPIC_PREFIX: topicPrefix,
        JWT_SECRET: jwtSecret,
        DELIVERY_BASE_DELAY_MS: '200',
        SMTP_URL: '',
        TS_NODE_BASEURL: join(root, 'dist'),
        LOG_LEVEL: 'log',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const instance: Instance = { name, url: `http://127.0.0.1:${port}`, process: child, output: '' };
    for (const stream of [child.stdout, child.stderr]) {
      stream?.on('data', (chunk: Buffer) => {
        instance.output += chunk.toString();
        log.write(chunk);
      });
    }
    child.once('exit', () => log.end());
    instances[name] = instance;
    // Logged once the consumer has joined its group (MessagingLifecycle).
    await eventually(async () => {
      if (child.exitCode !== null) throw new Error(`notifications ${name} exited (${child.exitCode}):\n${instance.output}`);
      return /consuming .*rectification\.events/.test(instance.output);
    }, 90_000, `notifications ${name} to join its consumer group`);
  };

  const kill = async (name: 'a' | 'b'): Promise<void> => {
    const child = instances[name].process;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  };

  /** An admin's client of a running instance (either will do: they share the database). */
  const admin = () => {
    const running = Object.values(instances).find((i) => i.process.exitCode === null && i.process.signalCode === null);
    if (!running) throw new Error('no notifications instance is running');
    return new ApiClient(running.url, new TokenService({ JWT_SECRET: jwtSecret, JWT_TTL_SECONDS: 3600 } as ServiceEnv).sign({ id: 'u-admin', username: 'admin', role: 'admin', unitId: null }));
  };
  const noticesOf = async (caseId: string) =>
    ((await admin().get('/api/notices?pageSize=200')).body.items as { id: string; caseId?: string }[]).filter((n) => n.caseId === caseId);
  const pendingDeliveries = async () => (await admin().get('/api/notices/deliveries?status=pending&pageSize=200')).body.total as number;
  const callsFor = (caseId: string) => calls.filter((c) => c.caseId === caseId);

  beforeAll(async () => {
    receiver = createServer(async (req, res) => {
      const body = JSON.parse(await readBody(req)) as { noticeId: string; caseId: string };
      calls.push({ delivery: String(req.headers['x-rectify-delivery']), noticeId: body.noticeId, caseId: body.caseId });
      res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    await dropTestDatabase(`${databasePrefix}_notifications`);
    // One after the other: the first creates and migrates the database.
    await start('a');
    await start('b');
    const set = await admin().put('/api/units/unit-a/channels', { webhookUrl: receiverUrl, webhookSecret: SECRET });
    expect(set.status).toBe(200);
  });

  afterAll(async () => {
    await Promise.all(Object.values(instances).map(async ({ process: child }) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }));
    await new Promise((resolve) => receiver?.close(resolve));
  });

  it('issues one notice and makes one webhook call when the same event comes again after each instance was killed and restarted', async () => {
    const caseId = randomUUID();
    const assigned = caseAssigned(caseId);
    await publish(topic, [{ key: `case-${caseId}`, envelope: assigned }]);
    await eventually(async () => callsFor(caseId).length === 1 && (await pendingDeliveries()) === 0, 60_000, 'the first webhook call');

    // Whichever instance took the first delivery, it is dead before the last repeat: nothing
    // held in a process's memory can be what drops the repeats.
    for (const name of ['a', 'b'] as const) {
      await kill(name);
      // The very same message again, then a marker behind it on the same key: once the marker's
      // notice is delivered, the repeat has been consumed (by the survivor, or after the restart).
      const marker = randomUUID();
      await publish(topic, [{ key: `case-${caseId}`, envelope: assigned }, { key: `case-${caseId}`, envelope: caseAssigned(marker) }]);
      await start(name);
      await eventually(async () => callsFor(marker).length === 1 && (await pendingDeliveries()) === 0, 120_000, `the marker delivered after restarting ${name}`);
    }

    const notices = await noticesOf(caseId);
    expect(notices).toHaveLength(1);
    expect(callsFor(caseId)).toEqual([expect.objectContaining({ noticeId: notices[0].id })]);
  });

  it('issues one notice and makes one webhook call when both instances get the same event at the same time', async () => {
    // The same envelope on every partition: each instance owns at least one, so both (and, on
    // an instance with two, two of its workers) try to apply it in the same moment.
    const keys = await keysForEveryPartition(topic);
    expect(keys.length).toBeGreaterThan(1);
    const caseId = randomUUID();
    const assigned = caseAssigned(caseId);
    const markers = keys.map(() => randomUUID());
    await publish(topic, keys.map((key) => ({ key, envelope: assigned })));
    await publish(topic, keys.map((key, i) => ({ key, envelope: caseAssigned(markers[i]) })));

    await eventually(async () => markers.every((m) => callsFor(m).length === 1) && (await pendingDeliveries()) === 0, 120_000, 'every marker delivered');
    expect(await noticesOf(caseId)).toHaveLength(1);
    expect(callsFor(caseId)).toHaveLength(1);
  });
});

function caseAssigned(caseId: string): IntegrationEnvelope {
  const now = new Date();
  return toEnvelope({
    eventId: randomUUID(),
    type: 'CaseAssigned',
    schemaVersion: 1,
    data: { caseId, responsibleUnitId: 'unit-a', responsiblePerson: 'Director Wang', deadline: new Date(now.getTime() + 20 * 86_400_000).toISOString() },
    metadata: { correlationId: randomUUID(), causationId: null, actor: { id: 'system:rectification', role: 'system', unitId: null } },
    occurredAt: now,
    recordedAt: now,
    streamId: `case-${caseId}`,
    streamVersion: 2,
    position: '2',
  });
}

async function publish(topic: string, messages: { key: string; envelope: IntegrationEnvelope }[]): Promise<void> {
  const producer = createKafka({ brokers: parseBrokers(brokers()), clientId: 'notifications-twice-e2e' }).producer();
  await producer.connect();
  try {
    await producer.send(topic, messages.map(({ key, envelope }) => ({ key, value: JSON.stringify(envelope), headers: { type: envelope.type } })));
  } finally {
    await producer.disconnect();
  }
}

/**
 * A key that lands on each partition of `topic`, found on a scratch topic with as many
 * partitions: where a key lands depends only on the key and the partition count.
 */
async function keysForEveryPartition(topic: string): Promise<string[]> {
  const kafka = createKafka({ brokers: parseBrokers(brokers()), clientId: 'notifications-twice-e2e' });
  const admin = kafka.admin();
  const producer = kafka.producer();
  await Promise.all([admin.connect(), producer.connect()]);
  try {
    const partitions = (await admin.topicOffsets(topic)).length;
    const scratch = `${topic}.partition-probe`;
    await admin.createTopics([{ topic: scratch, partitions }]);
    const byPartition = new Map<number, string>();
    let before = await admin.topicOffsets(scratch);
    for (let i = 0; byPartition.size < partitions && i < 100; i++) {
      const key = `probe-${i}`;
      await producer.send(scratch, [{ key, value: '{}' }]);
      const after = await admin.topicOffsets(scratch);
      const landed = after.find((p) => p.high !== before.find((b) => b.partition === p.partition)?.high);
      if (landed && !byPartition.has(landed.partition)) byPartition.set(landed.partition, key);
      before = after;
    }
    return [...byPartition.values()];
  } finally {
    await Promise.all([admin.disconnect(), producer.disconnect()]);
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => resolve(body));
  });
}
