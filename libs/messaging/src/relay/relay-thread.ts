import { existsSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Checkpoint } from '@rectify/event-store';
import type { LoggerLike } from '../logger-like';
import { appendBellCells, ringAppendBell } from './append-bell';
import type { FromRelayWorker, RelayWorkerData, ToRelayWorker } from './relay-thread.protocol';

/** What MessagingLifecycle needs of a relay, on this thread (EventRelay) or its own (RelayThread). */
export interface RelayHandle {
  readonly isLeader: boolean;
  readonly checkpoint: Checkpoint | null;
  start(): void;
  poke(): void;
  stop(): Promise<void>;
}

const STOP_TIMEOUT_MS = 15_000;

/**
 * An EventRelay on a worker thread (relay.worker.ts) with its own pool and Kafka producer, so
 * reading the log and encoding for Kafka use the second core instead of the request thread
 * (ADR 013). Same guarantees: the worker runs the very same EventRelay, leadership and
 * checkpoints included. A worker that dies is started again (after 1 s, doubling up to 30 s
 * while it keeps dying without ever leading).
 */
export class RelayThread implements RelayHandle {
  private worker: Worker | null = null;
  private leader = false;
  private published: Checkpoint | null = null;
  private stopping: Promise<void> | null = null;
  private restart: NodeJS.Timeout | null = null;
  /** Exits in a row without leading in between: the restart waits longer each time. */
  private failures = 0;
  /** Appends this process committed (see poke), shared with the worker (append-bell.ts). */
  private readonly appends = appendBellCells();

  constructor(
    private readonly data: RelayWorkerData,
    private readonly logger: LoggerLike,
    /** The worker's file (`RelayThread.entry()`), and Node flags when not the process's own (a test's TypeScript loader). */
    private readonly loader: { entry: string; execArgv?: string[] },
  ) {}

  /**
   * The worker's entry beside this file: compiled `.js`, or `.ts` when this process loads
   * TypeScript through Node's own require (scripts/register-ts.cjs). Jest compiles in its own
   * module registry, which a worker thread does not share: there, relays stay on the main thread.
   */
  static entry(): string | null {
    const compiled = !__filename.endsWith('.ts');
    const file = join(__dirname, `relay.worker${compiled ? '.js' : '.ts'}`);
    const underJest = process.env.JEST_WORKER_ID !== undefined;
    const loadsTs = !underJest && '.ts' in (Module as unknown as { _extensions: Record<string, unknown> })._extensions;
    return (compiled || loadsTs) && existsSync(file) ? file : null;
  }

  get isLeader(): boolean {
    return this.leader;
  }

  get checkpoint(): Checkpoint | null {
    return this.published;
  }

  start(): void {
    if (this.worker || this.stopping) return;
    const { entry, execArgv } = this.loader;
    const worker = new Worker(entry, { workerData: { ...this.data, appends: this.appends }, ...(execArgv ? { execArgv } : {}) });
    worker.on('message', (message: FromRelayWorker) => this.heard(message));
    worker.on('error', (error) => this.logger.error(`relay worker failed: ${error.stack ?? error.message}`));
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.leader = false;
      if (this.stopping) return;
      this.failures += 1;
      const delay = Math.min(1_000 * 2 ** (this.failures - 1), 30_000);
      this.logger.warn(`relay worker exited (code ${code}); starting it again in ${delay} ms`);
      this.restart = setTimeout(() => {
        this.restart = null;
        this.start();
      }, delay);
    });
    this.worker = worker;
  }

  /**
   * This process appended: a relay waiting for appends reads the log now rather than at its next
   * poll. A bell in shared memory, not a message: appends come thousands a second, and the worker
   * needs waking only while its relay waits, once however many came.
   */
  poke(): void {
    ringAppendBell(this.appends);
  }

  /** Asks the worker to stop leading and close its connections; ends it if that takes too long. */
  stop(): Promise<void> {
    this.stopping ??= this.stopWorker();
    return this.stopping;
  }

  private async stopWorker(): Promise<void> {
    if (this.restart) clearTimeout(this.restart);
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage({ kind: 'stop' } satisfies ToRelayWorker);
    const timer = setTimeout(() => void worker.terminate(), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
    this.worker = null;
    this.leader = false;
  }

  private heard(message: FromRelayWorker): void {
    switch (message.kind) {
      case 'status':
        this.leader = message.leader;
        if (message.leader) this.failures = 0;
        this.published = message.checkpoint ?? this.published;
        return;
      case 'log':
        this.logger[message.level](message.message);
        return;
      default: {
        const unknown: never = message;
        throw new Error(`unknown relay worker message ${JSON.stringify(unknown)}`);
      }
    }
  }
}
