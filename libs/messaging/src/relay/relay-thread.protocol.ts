import type { EventLogModule } from './event-log';

/** What a RelayThread and its worker (relay.worker.ts) tell each other. Plain data only. */

export interface RelayWorkerData {
  name: string;
  topic: string;
  /** The service pool's connection: the worker opens its own small pool and lock connection. */
  connectionString: string;
  applicationName: string;
  brokers: string[];
  clientId: string;
  batchSize?: number;
  idlePollMs?: number;
  maxIdlePollMs?: number;
  lingerMs?: number;
  maxLingerMs?: number;
  /** The log to read, when not the whole event store (see EventLogModule). */
  eventLog?: EventLogModule;
  /** Counts this process's appends (RelayThread.poke): the worker wakes when it changes. */
  appends?: Int32Array;
}

/** Main thread → worker. */
export type ToRelayWorker = { kind: 'stop' };

/** Worker → main thread. */
export type FromRelayWorker =
  | { kind: 'status'; leader: boolean; checkpoint: { txid: string; position: string } | null }
  | { kind: 'log'; level: 'log' | 'warn' | 'error'; message: string };
