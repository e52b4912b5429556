#!/usr/bin/env node
// Local infrastructure for Rectify without Docker: a real Kafka broker (KRaft) and PostgreSQL.
//
//   node scripts/infra.mjs up       fetch Kafka once, start it (detached), create topics, ensure PostgreSQL
//   node scripts/infra.mjs down     stop what these scripts started (broker, embedded PostgreSQL, leftover services)
//   node scripts/infra.mjs status   show what runs and answers
import {
  APP_SERVICES,
  InfraError,
  canConnect,
  ensureNodeModules,
  formatDuration,
  killProcessGroup,
  livePidFromFile,
  log,
  paint,
  removePidfile,
  reportFatal,
  servicePidName,
  loadDotEnv,
  setLogStream,
} from './infra/processes.mjs';

const USAGE = `usage: node scripts/infra.mjs <up [--json]|down|status>
  up      fetch the Kafka jars if missing, start the broker (left running), create the topics,
          make sure PostgreSQL answers (DATABASE_URL, this machine's cluster, or embedded);
          with --json, progress goes to stderr and stdout gets one line
          {"databaseUrl": …, "brokers": …, "kafkaPid": …, "postgres": "server|system-cluster|embedded"}
  down    stop the broker and embedded PostgreSQL these scripts started, and any services left
          behind by an interrupted \`npm start\` (a system PostgreSQL is never touched)
  status  show the broker, topics, PostgreSQL and services`;

async function up(args) {
  const json = args.includes('--json');
  if (json) setLogStream(process.stderr);
  const started = Date.now();
  await ensureNodeModules();
  const { ensureKafkaArtifacts, ensureKafka, ensureTopics } = await import('./infra/kafka.mjs');
  const { ensurePostgresInfo } = await import('./infra/postgres.mjs');
  await ensureKafkaArtifacts();
  const kafka = await ensureKafka({ detached: true });
  await ensureTopics({ brokers: kafka.brokers });
  const pg = await ensurePostgresInfo({ detached: true });
  if (json) {
    log(`infrastructure ready in ${formatDuration(Date.now() - started)}`);
    process.stdout.write(`${JSON.stringify({ databaseUrl: pg.url, brokers: kafka.brokers, kafkaPid: kafka.pid, postgres: pg.kind })}\n`);
    return 0;
  }
  log(`infrastructure ready in ${formatDuration(Date.now() - started)}:`);
  process.stdout.write(`export KAFKA_BROKERS=${kafka.brokers}\nexport DATABASE_URL=${pg.url}\n`);
  if (kafka.pid && !kafka.external) log(`Kafka broker pid ${kafka.pid} keeps running; stop it with \`node scripts/infra.mjs down\``);
  return 0;
}

async function down() {
  const { stopKafka, localKafkaPort, brokerPortsWithPidfiles } = await import('./infra/kafka.mjs');
  const { stopEmbeddedPostgres } = await import('./infra/postgres.mjs');
  for (const svc of APP_SERVICES) {
    const pid = livePidFromFile(servicePidName(svc.name), /node/, { quiet: true });
    if (pid) {
      log(`stopping ${svc.name} left over from an earlier npm start (pid ${pid})`);
      await killProcessGroup(pid, { timeoutMs: 10_000 });
    }
    removePidfile(servicePidName(svc.name));
  }
  const kafkaPorts = new Set(brokerPortsWithPidfiles());
  if (localKafkaPort() !== null) kafkaPorts.add(localKafkaPort());
  for (const port of kafkaPorts) await stopKafka({ port });
  await stopEmbeddedPostgres();
  log('a system PostgreSQL, if any, was left alone');
  return 0;
}

async function status() {
  const { kafkaStatus, domainTopics, localKafkaPort } = await import('./infra/kafka.mjs');
  const { postgresStatus } = await import('./infra/postgres.mjs');
  const yes = (b, t = 'yes', f = 'no') => (b ? paint(32, t) : paint(31, f));
  const k = await kafkaStatus(localKafkaPort() === null ? { brokers: process.env.KAFKA_BROKERS } : { port: localKafkaPort() });
  log(`Kafka jars fetched:   ${yes(k.artifacts)}`);
  if (!k.external) log(`Kafka storage:        ${yes(k.formatted, 'formatted', 'not formatted')}`);
  const who = k.ours ? `pid ${k.pid}, started by these scripts` : k.owner?.pid ? `pid ${k.owner.pid}, not started by these scripts` : 'not started by these scripts';
  log(`Kafka ${k.brokers}:  ${k.answering ? paint(32, `answering (${who})`) : k.pid ? paint(33, `pid ${k.pid} runs but does not answer`) : paint(31, 'down')}`);
  if (k.answering) {
    const want = new Set(domainTopics());
    const have = new Map(k.topics.map((t) => [t.name, t.partitions]));
    const missing = [...want].filter((t) => !have.has(t));
    log(`topics:               ${k.topics.filter((t) => want.has(t.name)).map((t) => `${t.name}(${t.partitions})`).join(' ') || '-'}`);
    if (missing.length) log(`missing topics:       ${paint(31, missing.join(' '))}`);
  }
  const p = await postgresStatus();
  log(`PostgreSQL ${p.url}: ${yes(p.answering, 'answering', 'not answering')}`);
  if (p.embedded.initialised || p.embedded.pid) {
    log(`embedded PostgreSQL:  ${p.embedded.pid ? `pid ${p.embedded.pid} at ${p.embedded.url} (${yes(p.embedded.answering, 'answering', 'not answering')})` : 'initialised, stopped'}`);
  }
  for (const svc of APP_SERVICES) {
    const pid = livePidFromFile(servicePidName(svc.name), /node/, { quiet: true });
    const listening = await canConnect(svc.port);
    if (pid || listening) log(`${svc.name.padEnd(14)} :${svc.port} ${listening ? paint(32, 'listening') : paint(33, 'not listening')}${pid ? ` (pid ${pid})` : ''}`);
  }
  return k.answering && (p.answering || p.embedded.answering) ? 0 : 1;
}

process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0); // e.g. `infra.mjs status | head`
});

const commands = { up, down, status };
const cmd = process.argv[2];
if (!commands[cmd]) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(cmd === undefined || cmd === '-h' || cmd === '--help' ? 0 : 2);
}
try {
  if (process.argv.includes('--json')) setLogStream(process.stderr);
  loadDotEnv();
  process.exitCode = await commands[cmd](process.argv.slice(3));
} catch (err) {
  process.exitCode = reportFatal(err instanceof Error ? err : new InfraError(String(err)));
}
// kafkajs/pg may keep sockets in their pools for a moment; the work is done.
setTimeout(() => process.exit(), 50).unref();
