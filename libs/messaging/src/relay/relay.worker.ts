// The relay of a service, on its own thread (RelayThread starts it): reading the log, encoding
// and sending to Kafka no longer take turns with the service's requests on the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { Pool } from 'pg';
import { AppendBellListener } from './append-bell';
import { createKafka } from '../kafka/create-kafka';
import type { LoggerLike } from '../logger-like';
import { EventRelay } from './event-relay';
import { openEventLog } from './event-log';
import type { FromRelayWorker, RelayWorkerData, ToRelayWorker } from './relay-thread.protocol';

const port = parentPort;
if (!port) throw new Error('relay.worker runs as a worker thread (see RelayThread)');
const data = workerData as RelayWorkerData;
const tell = (message: FromRelayWorker) => port.postMessage(message);
// Logged by the main thread, at its levels and in its format.
const logger: LoggerLike = {
  log: (message) => tell({ kind: 'log', level: 'log', message }),
  warn: (message) => tell({ kind: 'log', level: 'warn', message }),
  error: (message) => tell({ kind: 'log', level: 'error', message }),
};

// Carries the settings of the relay's lock connection, which does all its reads and writes.
const pool = new Pool({ connectionString: data.connectionString, application_name: data.applicationName, max: 1 });
pool.on('error', (error) => logger.warn(`idle database connection lost: ${error.message}`));
const producer = createKafka({ brokers: data.brokers, clientId: data.clientId }).producer();
const relay = new EventRelay({
  name: data.name,
  topic: data.topic,
  pool,
  producer,
  log: openEventLog(pool, data.eventLog),
  batchSize: data.batchSize,
  idlePollMs: data.idlePollMs,
  maxIdlePollMs: data.maxIdlePollMs,
  lingerMs: data.lingerMs,
  maxLingerMs: data.maxLingerMs,
  logger,
  onProgress: () => tell({ kind: 'status', leader: relay.isLeader, checkpoint: relay.checkpoint }),
});

port.on('message', (message: ToRelayWorker) => {
  if (message.kind === 'stop') void stop();
});

let stopping: Promise<void> | null = null;
function stop(): Promise<void> {
  stopping ??= (async () => {
    await relay.stop();
    await producer.disconnect();
    await pool.end();
    // Ends this thread only, whatever timers kafkajs or pg may have left behind.
    process.exit(0);
  })();
  return stopping;
}

/** Reads the log as soon as the main thread counts a new append while the relay waits for one. */
async function wakeOnAppends(appends: Int32Array): Promise<void> {
  const bell = new AppendBellListener(appends);
  while (!stopping) {
    await relay.waiting();
    await bell.next();
    relay.poke();
  }
}

relay.start();
if (data.appends) void wakeOnAppends(data.appends);
