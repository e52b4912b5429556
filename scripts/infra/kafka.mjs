// A real Apache Kafka broker (KRaft, single node) for local runs and tests: the jars come from
// Maven Central through the pinned build in deploy/kafka/pom.xml, the broker runs with `java`.
//
//   ensureKafkaArtifacts()                      fetch the jars once (mvn), skip when present
//   ensureKafkaRunning({port, dataDir, detached}) format once, start or reuse, wait until ready
//   stopKafka({port})                           stop the broker these scripts started
//   ensureTopics({brokers, topics, partitions}) create missing topics (and grow short ones)
//   domainTopics(prefix)                        <prefix><service>.events and their .dlq
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import kafkajs from 'kafkajs';
import {
  CACHE_DIR,
  InfraError,
  ROOT,
  describePortOwner,
  findPortOwner,
  formatDuration,
  isAlive,
  isPortFree,
  killProcessGroup,
  listPidfiles,
  livePidFromFile,
  log,
  removePidfile,
  sleep,
  warn,
  withLock,
  writePidfile,
} from './processes.mjs';

const { Kafka, logLevel } = kafkajs;

export const DOMAIN_SERVICES = ['gateway', 'rectification', 'inspections', 'evaluations', 'notifications'];
export const DEFAULT_KAFKA_PORT = 9092;
export const KAFKA_DIR = path.join(CACHE_DIR, 'kafka');
export const KAFKA_LIBS_DIR = path.join(KAFKA_DIR, 'libs');
export const KAFKA_LOGS_DIR = path.join(KAFKA_DIR, 'logs');
export const KAFKA_POM = path.join(ROOT, 'deploy', 'kafka', 'pom.xml');
const ARTIFACTS_MARKER = path.join(KAFKA_DIR, 'artifacts.json');
const DEFAULT_HEAP = '-Xmx512m -Xms256m';

const rel = (p) => path.relative(ROOT, p) || '.';

// ---------------------------------------------------------------------------------------------
// Topics

/** Every domain topic and its dead-letter topic, e.g. `rectification.events`, `rectification.events.dlq`. */
export function domainTopics(prefix = process.env.KAFKA_TOPIC_PREFIX ?? '') {
  return DOMAIN_SERVICES.flatMap((svc) => [`${prefix}${svc}.events`, `${prefix}${svc}.events.dlq`]);
}

export function defaultPartitions() {
  const n = Number.parseInt(process.env.KAFKA_PARTITIONS ?? '3', 10);
  if (!Number.isInteger(n) || n < 1) throw new InfraError(`KAFKA_PARTITIONS must be a positive integer (got "${process.env.KAFKA_PARTITIONS}")`);
  return n;
}

function admin(brokers, { quick = false } = {}) {
  const kafka = new Kafka({
    clientId: 'rectify-infra',
    brokers: Array.isArray(brokers) ? brokers : String(brokers).split(',').map((b) => b.trim()).filter(Boolean),
    logLevel: logLevel.NOTHING,
    connectionTimeout: quick ? 1500 : 3000,
    requestTimeout: quick ? 3000 : 15000,
    retry: quick ? { retries: 0 } : { retries: 5, initialRetryTime: 300 },
  });
  return kafka.admin();
}

/**
 * Creates the missing topics (replication factor 1 unless given) and adds partitions to existing
 * ones that have fewer than asked (never removes any). Returns what it did.
 */
export async function ensureTopics({
  brokers = process.env.KAFKA_BROKERS ?? `127.0.0.1:${DEFAULT_KAFKA_PORT}`,
  topics = domainTopics(),
  partitions = defaultPartitions(),
  replicationFactor = 1,
} = {}) {
  const client = admin(brokers);
  await client.connect();
  try {
    const existing = new Set(await client.listTopics());
    const missing = topics.filter((t) => !existing.has(t));
    const present = topics.filter((t) => existing.has(t));
    const grown = [];
    if (missing.length) {
      await client.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({ topic, numPartitions: partitions, replicationFactor })),
      });
    }
    if (present.length) {
      const { topics: meta } = await client.fetchTopicMetadata({ topics: present });
      const short = meta.filter((t) => t.partitions.length < partitions);
      if (short.length) {
        await client.createPartitions({ topicPartitions: short.map((t) => ({ topic: t.name, count: partitions })) });
        grown.push(...short.map((t) => `${t.name} (${t.partitions.length}→${partitions})`));
      }
    }
    const parts = [];
    if (missing.length) parts.push(`created ${missing.length} (${partitions} partitions each)`);
    if (grown.length) parts.push(`grew ${grown.join(', ')}`);
    parts.push(`${present.length} already there`);
    log(`topics on ${brokers}: ${parts.join('; ')}`, 'kafka');
    return { created: missing, grown, existing: present };
  } finally {
    await client.disconnect().catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------------
// Artifacts

function pomVersions() {
  const pom = fs.readFileSync(KAFKA_POM, 'utf8');
  const prop = (name) => new RegExp(`<${name.replace('.', '\\.')}>([^<]+)</`).exec(pom)?.[1];
  return {
    kafka: prop('kafka.version'),
    slf4j: prop('slf4j.version'),
    reload4j: prop('reload4j.version'),
    pomHash: crypto.createHash('sha256').update(pom).digest('hex'),
  };
}

function expectedJars(v) {
  return [`kafka_2.13-${v.kafka}.jar`, `kafka-clients-${v.kafka}.jar`, `slf4j-reload4j-${v.slf4j}.jar`, `reload4j-${v.reload4j}.jar`];
}

/** True when the jars for the pinned versions are in .cache/kafka/libs. */
export function kafkaArtifactsPresent() {
  const v = pomVersions();
  if (!expectedJars(v).every((j) => fs.existsSync(path.join(KAFKA_LIBS_DIR, j)))) return false;
  try {
    const marker = JSON.parse(fs.readFileSync(ARTIFACTS_MARKER, 'utf8'));
    return marker.pomHash === v.pomHash && marker.jars.every((j) => fs.existsSync(path.join(KAFKA_LIBS_DIR, j)));
  } catch {
    return false;
  }
}

/**
 * Runs the pinned Maven build (deploy/kafka/pom.xml) when the broker jars are missing or the pom
 * changed; otherwise does nothing. Returns the libs folder.
 */
export async function ensureKafkaArtifacts() {
  if (kafkaArtifactsPresent()) return KAFKA_LIBS_DIR;
  return withLock('kafka-artifacts', async () => {
    if (kafkaArtifactsPresent()) return KAFKA_LIBS_DIR;
    const v = pomVersions();
    const stale = fs.existsSync(KAFKA_LIBS_DIR) && fs.readdirSync(KAFKA_LIBS_DIR).some((f) => /^kafka_2\.13-.*\.jar$/.test(f) && f !== `kafka_2.13-${v.kafka}.jar`);
    if (stale) {
      log(`removing jars of another Kafka version from ${rel(KAFKA_LIBS_DIR)}`, 'kafka');
      fs.rmSync(KAFKA_LIBS_DIR, { recursive: true, force: true });
    }
    if (spawnSync('mvn', ['-v'], { stdio: 'ignore' }).error) {
      throw new InfraError('Maven (mvn) is needed once to fetch the Kafka broker from Maven Central; install it (e.g. `apt-get install -y maven default-jdk-headless`).');
    }
    log(`fetching Apache Kafka ${v.kafka} from Maven Central into ${rel(KAFKA_LIBS_DIR)} (first run only, ~50 MB)…`, 'kafka');
    const started = Date.now();
    const mvn = spawnSync('mvn', ['-q', '-B', '-Dstyle.color=never', '-f', KAFKA_POM, 'package'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    // -q still emits bare ANSI resets; show Maven's own output only when it has something to say.
    const output = `${mvn.stdout ?? ''}${mvn.stderr ?? ''}`.replace(/\u001b\[[0-9;]*m/g, '').trim();
    for (const line of output ? output.split('\n') : []) log(line, 'mvn');
    if (mvn.error || mvn.status !== 0) {
      throw new InfraError(`the Maven build of ${rel(KAFKA_POM)} failed (${mvn.error?.message ?? `exit code ${mvn.status}`}); is Maven Central reachable?`);
    }
    const missing = expectedJars(v).filter((j) => !fs.existsSync(path.join(KAFKA_LIBS_DIR, j)));
    if (missing.length) throw new InfraError(`the Maven build finished but ${missing.join(', ')} is missing from ${rel(KAFKA_LIBS_DIR)}`);
    const jars = fs.readdirSync(KAFKA_LIBS_DIR).filter((f) => f.endsWith('.jar'));
    fs.writeFileSync(ARTIFACTS_MARKER, `${JSON.stringify({ kafka: v.kafka, pomHash: v.pomHash, jars }, null, 2)}\n`);
    log(`Kafka ${v.kafka}: ${jars.length} jars ready in ${formatDuration(Date.now() - started)}`, 'kafka');
    return KAFKA_LIBS_DIR;
  });
}

// ---------------------------------------------------------------------------------------------
// Broker

function layout(port, dataDir) {
  const suffix = port === DEFAULT_KAFKA_PORT ? '' : `-${port}`;
  const configDir = path.join(KAFKA_DIR, `config${suffix}`);
  return {
    pidName: `kafka${suffix}`,
    dataDir: path.resolve(ROOT, dataDir ?? path.join(KAFKA_DIR, `data${suffix}`)),
    configDir,
    serverProperties: path.join(configDir, 'server.properties'),
    log4jProperties: path.join(configDir, 'log4j.properties'),
    logsDir: suffix ? path.join(KAFKA_LOGS_DIR, `broker${suffix}`) : KAFKA_LOGS_DIR,
  };
}

function writeConfig(l, host, port) {
  const controllerPort = port + 1;
  fs.mkdirSync(l.configDir, { recursive: true });
  fs.mkdirSync(l.logsDir, { recursive: true });
  fs.writeFileSync(
    l.serverProperties,
    `# Generated by scripts/infra/kafka.mjs — edits are overwritten on the next start.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@${host}:${controllerPort}
listeners=PLAINTEXT://${host}:${port},CONTROLLER://${host}:${controllerPort}
advertised.listeners=PLAINTEXT://${host}:${port}
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=${l.dataDir}
auto.create.topics.enable=false
num.partitions=${defaultPartitions()}
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
num.network.threads=2
num.io.threads=4
log.retention.hours=168
`,
  );
  const pattern = '[%d] %p %m (%c)%n';
  const fileAppender = (name, file) => `log4j.appender.${name}=org.apache.log4j.RollingFileAppender
log4j.appender.${name}.File=${path.join(l.logsDir, file)}
log4j.appender.${name}.MaxFileSize=20MB
log4j.appender.${name}.MaxBackupIndex=3
log4j.appender.${name}.layout=org.apache.log4j.PatternLayout
log4j.appender.${name}.layout.ConversionPattern=${pattern}
`;
  fs.writeFileSync(
    l.log4jProperties,
    `# Generated by scripts/infra/kafka.mjs. Everything goes to ${rel(l.logsDir)}; the console
# (captured in kafka.out) only gets warnings and errors.
log4j.rootLogger=INFO, file, stdout

log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.Threshold=WARN
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=${pattern}

${fileAppender('file', 'server.log')}
${fileAppender('controller', 'controller.log')}
${fileAppender('stateChange', 'state-change.log')}
log4j.logger.kafka=INFO
log4j.logger.org.apache.kafka=INFO
log4j.logger.kafka.request.logger=WARN
log4j.logger.kafka.controller=INFO, controller
log4j.additivity.kafka.controller=false
log4j.logger.org.apache.kafka.controller=INFO, controller
log4j.additivity.org.apache.kafka.controller=false
log4j.logger.state.change.logger=INFO, stateChange
log4j.additivity.state.change.logger=false
log4j.logger.org.apache.kafka.storage.internals.log.LogLoader=WARN
log4j.logger.kafka.log.LogManager=WARN
`,
  );
}

function jvmArgs(l) {
  const heap = (process.env.KAFKA_HEAP_OPTS ?? DEFAULT_HEAP).split(/\s+/).filter(Boolean);
  return [
    ...heap,
    '-XX:+UseG1GC',
    '-XX:MaxGCPauseMillis=20',
    '-XX:+ExitOnOutOfMemoryError',
    '-Djava.awt.headless=true',
    `-Dkafka.logs.dir=${l.logsDir}`,
    `-Dlog4j.configuration=file:${l.log4jProperties}`,
    '-cp',
    `${KAFKA_LIBS_DIR}/*`,
  ];
}

function kafkaClusterId() {
  // Kafka's Uuid: 16 random bytes, URL-safe base64 without padding, never starting with '-'.
  for (;;) {
    const id = crypto.randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

async function formatStorageOnce(l) {
  if (fs.existsSync(path.join(l.dataDir, 'meta.properties'))) return false;
  fs.mkdirSync(l.dataDir, { recursive: true });
  const clusterId = kafkaClusterId();
  log(`formatting KRaft storage in ${rel(l.dataDir)} (cluster id ${clusterId}; first run only)`, 'kafka');
  const res = spawnSync('java', [...jvmArgs(l), 'kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', l.serverProperties, '--ignore-formatted'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (res.error) {
    throw new InfraError(res.error.code === 'ENOENT' ? 'java is not installed; Kafka needs a JDK/JRE 17+ (e.g. `apt-get install -y default-jdk-headless`)' : res.error.message);
  }
  if (res.status !== 0 || !fs.existsSync(path.join(l.dataDir, 'meta.properties'))) {
    throw new InfraError(`formatting Kafka storage failed (exit ${res.status}):\n${res.stdout}${res.stderr}`);
  }
  return true;
}

/** True when a Kafka broker answers a DescribeCluster request at `brokers`. */
export async function isKafkaAnswering(brokers, { quick = true } = {}) {
  const client = admin(brokers, { quick });
  try {
    await client.connect();
    await client.describeCluster();
    return true;
  } catch {
    return false;
  } finally {
    await client.disconnect().catch(() => {});
  }
}

async function waitForKafka(brokers, { timeoutMs, pid, logsDir }) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await isKafkaAnswering(brokers)) return;
    if (pid && !isAlive(pid)) {
      throw new InfraError(`the Kafka broker (pid ${pid}) exited during start-up; last log lines:\n${tail(path.join(logsDir, 'kafka.out'), 15)}\n${tail(path.join(logsDir, 'server.log'), 15)}\n(full logs in ${rel(logsDir)})`);
    }
    await sleep(500);
  }
  throw new InfraError(`the Kafka broker at ${brokers} did not answer within ${formatDuration(timeoutMs)}; see ${rel(logsDir)}/server.log`);
}

function tail(file, lines) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return `(no ${rel(file)})`;
  }
}

const KAFKA_CMD = /kafka\.Kafka\b/;
const exitHooks = new Map();

/**
 * Makes sure a broker answers on host:port and returns
 * `{ brokers, pid, startedByUs, reused, external }`.
 * - a broker started earlier by these scripts (pidfile + process alive + answering) is reused;
 * - a stale pidfile (dead process, or the pid now belongs to something else) is removed;
 * - a port held by a process that speaks Kafka is used as is (`external: true`); one held by
 *   anything else is a clear error;
 * - otherwise the storage is formatted (once: `meta.properties`) and a new broker is started.
 * `detached: true` leaves the broker running after this process exits (`infra up`, `npm test`);
 * `detached: false` ties it to this process (it is stopped if we exit without stopping it).
 */
export async function ensureKafkaRunning({
  port = DEFAULT_KAFKA_PORT,
  host = '127.0.0.1',
  dataDir,
  detached = true,
  timeoutMs = 120_000,
} = {}) {
  const l = layout(port, dataDir);
  const brokers = `${host}:${port}`;
  return withLock(l.pidName, async () => {
    const existing = livePidFromFile(l.pidName, KAFKA_CMD);
    if (existing) {
      if (await isKafkaAnswering(brokers)) {
        log(`reusing the broker started earlier (pid ${existing}) at ${brokers}`, 'kafka');
        return { brokers, pid: existing, startedByUs: false, reused: true, external: false };
      }
      log(`the broker started earlier (pid ${existing}) is not answering yet; waiting…`, 'kafka');
      try {
        await waitForKafka(brokers, { timeoutMs: 45_000, pid: existing, logsDir: l.logsDir });
        log(`reusing the broker started earlier (pid ${existing}) at ${brokers}`, 'kafka');
        return { brokers, pid: existing, startedByUs: false, reused: true, external: false };
      } catch (err) {
        warn(`the broker (pid ${existing}) does not answer on ${brokers} (${err.message.split('\n')[0]}); restarting it`, 'kafka');
        await killProcessGroup(existing, { timeoutMs: 15_000 });
        removePidfile(l.pidName);
      }
    }

    if (!(await isPortFree(port, host))) {
      const owner = findPortOwner(port);
      if (await isKafkaAnswering(brokers)) {
        if (owner?.pid && KAFKA_CMD.test(owner.command) && owner.command.includes(l.serverProperties)) {
          writePidfile(l.pidName, owner.pid);
          log(`found our own broker (pid ${owner.pid}) running without its pidfile; adopted it`, 'kafka');
          return { brokers, pid: owner.pid, startedByUs: false, reused: true, external: false };
        }
        const who = owner?.pid ? `pid ${owner.pid}` : 'a process';
        log(`a Kafka broker not started by these scripts (${who}) already answers on ${brokers}; using it`, 'kafka');
        return { brokers, pid: owner?.pid ?? null, startedByUs: false, reused: true, external: true };
      }
      throw new InfraError(`cannot start Kafka on ${brokers}: ${describePortOwner(port)}, and it does not speak Kafka. Stop that process or pick another port.`);
    }
    if (!(await isPortFree(port + 1, host))) {
      throw new InfraError(`cannot start Kafka: its controller needs ${host}:${port + 1} but ${describePortOwner(port + 1)}.`);
    }

    await ensureKafkaArtifacts();
    writeConfig(l, host, port);
    await formatStorageOnce(l);

    const outFile = path.join(l.logsDir, 'kafka.out');
    const out = fs.openSync(outFile, 'a');
    fs.writeSync(out, `\n===== ${new Date().toISOString()} starting broker on ${brokers} =====\n`);
    const started = Date.now();
    const child = spawn('java', [...jvmArgs(l), 'kafka.Kafka', l.serverProperties], {
      cwd: ROOT,
      detached: true, // own process group: a terminal Ctrl-C reaches the scripts, which stop it in order
      stdio: ['ignore', out, out],
    });
    fs.closeSync(out);
    const spawnError = await new Promise((resolve) => {
      child.once('error', resolve);
      child.once('spawn', () => resolve(null));
    });
    if (spawnError) {
      throw new InfraError(spawnError.code === 'ENOENT' ? 'java is not installed; Kafka needs a JDK/JRE 17+ (e.g. `apt-get install -y default-jdk-headless`)' : spawnError.message);
    }
    writePidfile(l.pidName, child.pid);
    log(`starting Kafka broker (pid ${child.pid}) on ${brokers}, logs in ${rel(l.logsDir)}…`, 'kafka');
    if (detached) {
      child.unref();
    } else {
      const hook = () => {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          /* gone */
        }
      };
      process.once('exit', hook);
      exitHooks.set(l.pidName, hook);
    }
    try {
      await waitForKafka(brokers, { timeoutMs, pid: child.pid, logsDir: l.logsDir });
    } catch (err) {
      await killProcessGroup(child.pid, { timeoutMs: 10_000 });
      removePidfile(l.pidName);
      throw err;
    }
    log(`Kafka broker ready on ${brokers} in ${formatDuration(Date.now() - started)}`, 'kafka');
    return { brokers, pid: child.pid, startedByUs: true, reused: false, external: false };
  });
}

/**
 * Stops the broker these scripts started on `port` (per its pidfile): SIGTERM for a controlled
 * shutdown, SIGKILL after timeoutMs. Returns true if one was stopped.
 */
export async function stopKafka({ port = DEFAULT_KAFKA_PORT, timeoutMs = 30_000 } = {}) {
  const l = layout(port);
  const pid = livePidFromFile(l.pidName, KAFKA_CMD);
  const hook = exitHooks.get(l.pidName);
  if (hook) {
    process.removeListener('exit', hook);
    exitHooks.delete(l.pidName);
  }
  if (!pid) {
    log(`no Kafka broker started by these scripts is running on port ${port}`, 'kafka');
    return false;
  }
  log(`stopping Kafka broker (pid ${pid})…`, 'kafka');
  const started = Date.now();
  const killed = await killProcessGroup(pid, { signal: 'SIGTERM', timeoutMs });
  removePidfile(l.pidName);
  log(killed ? `Kafka broker did not stop within ${formatDuration(timeoutMs)}; killed it` : `Kafka broker stopped in ${formatDuration(Date.now() - started)}`, 'kafka');
  return true;
}

/** What is known about the local broker on `port`, for `infra status`. */
export async function kafkaStatus({ port = DEFAULT_KAFKA_PORT, host = '127.0.0.1', brokers = `${host}:${port}` } = {}) {
  const external = brokers !== `${host}:${port}`;
  const l = layout(port);
  const pid = external ? null : livePidFromFile(l.pidName, KAFKA_CMD, { quiet: true });
  const answering = await isKafkaAnswering(brokers);
  let topics = [];
  if (answering) {
    const client = admin(brokers, { quick: true });
    try {
      await client.connect();
      const names = (await client.listTopics()).filter((t) => !t.startsWith('__')).sort();
      const { topics: meta } = names.length ? await client.fetchTopicMetadata({ topics: names }) : { topics: [] };
      topics = meta.map((t) => ({ name: t.name, partitions: t.partitions.length })).sort((a, b) => a.name.localeCompare(b.name));
    } catch {
      /* leave empty */
    } finally {
      await client.disconnect().catch(() => {});
    }
  }
  return {
    brokers,
    pid,
    ours: Boolean(pid),
    answering,
    external,
    formatted: fs.existsSync(path.join(l.dataDir, 'meta.properties')),
    artifacts: kafkaArtifactsPresent(),
    owner: !pid && answering && !external ? findPortOwner(port) : null,
    topics,
    logsDir: rel(l.logsDir),
  };
}

/**
 * The broker to use given the environment: `KAFKA_BROKERS` pointing anywhere but this machine's
 * default port is taken as an external cluster (waited for, never started); otherwise the local
 * broker on that port is ensured. Returns the same shape as ensureKafkaRunning().
 */
export async function ensureKafka({ detached = true, timeoutMs } = {}) {
  const env = process.env.KAFKA_BROKERS?.trim();
  if (env) {
    const port = localKafkaPort();
    if (port === null) {
      log(`KAFKA_BROKERS=${env}: using that cluster (not starting a local broker)`, 'kafka');
      const deadline = Date.now() + 60_000;
      while (!(await isKafkaAnswering(env))) {
        if (Date.now() > deadline) throw new InfraError(`KAFKA_BROKERS=${env} does not answer (DescribeCluster) within 60s`);
        await sleep(1000);
      }
      return { brokers: env, pid: null, startedByUs: false, reused: true, external: true };
    }
    return ensureKafkaRunning({ port, detached, timeoutMs });
  }
  return ensureKafkaRunning({ detached, timeoutMs });
}

/**
 * The port of the local broker KAFKA_BROKERS asks for (127.0.0.1:<port> or localhost:<port>;
 * 9092 when unset), or null when it names an external cluster.
 */
export function localKafkaPort() {
  const env = process.env.KAFKA_BROKERS?.trim();
  if (!env) return DEFAULT_KAFKA_PORT;
  const list = env.split(',').map((b) => b.trim()).filter(Boolean);
  const m = list.length === 1 ? /^(127\.0\.0\.1|localhost):(\d+)$/.exec(list[0]) : null;
  return m ? Number(m[2]) : null;
}

/** Ports of the local brokers that have a pidfile in .cache/run. */
export function brokerPortsWithPidfiles() {
  return listPidfiles()
    .map((n) => /^kafka(?:-(\d+))?$/.exec(n))
    .filter(Boolean)
    .map((m) => (m[1] ? Number(m[1]) : DEFAULT_KAFKA_PORT));
}
