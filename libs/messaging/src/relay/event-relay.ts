import { Logger } from '@nestjs/common';
import type { Checkpoint } from '@rectify/event-store';
import type { ClientConfig, Pool } from 'pg';
import type { MessageProducer } from '../kafka/kafka.ports';
import type { LoggerLike } from '../logger-like';
import { describeError } from '../retry/describe-error';
import { backoffDelay, sleep, type BackoffOptions } from '../retry/backoff';
import type { EventLog } from './event-log';
import { RelayCheckpoints } from './relay-checkpoints';
import { type LeaderSession, RelayLeadership } from './relay-leadership';
import { toRelayMessage } from './relay-message';

export interface EventRelayOptions {
  /** Names the checkpoint row and the advisory lock: one active relay per name and database. */
  name: string;
  topic: string;
  log: EventLog;
  /** The service's pool: the lock connection (which also saves checkpoints) takes its settings. */
  pool: Pool;
  producer: MessageProducer;
  /** For the dedicated lock + LISTEN connection; defaults to the pool's own settings. */
  lockConnection?: ClientConfig;
  batchSize?: number;
  /** How long to wait for an append notification before reading the log anyway... */
  idlePollMs?: number;
  /** ...doubled after each read that found nothing, up to this (appends by this process wake it at once). */
  maxIdlePollMs?: number;
  /**
   * After a batch that was not full, wait before reading again, so that a busy log is published
   * in fewer, larger batches: each costs a read and a produce request whatever its size, and
   * downstream a consumer's transaction (ADR 013, 014). The wait is a millisecond per event of
   * the batch just sent, at least this (default 12; 0 reads again at once after a lone event)...
   */
  lingerMs?: number;
  /** ...and at most this (default 25): a busy log waits longest, a quiet one hardly at all. */
  maxLingerMs?: number;
  /** How often a standby asks for the lock. */
  standbyPollMs?: number;
  backoff?: BackoffOptions;
  logger?: LoggerLike;
  /** Called when this relay starts or stops leading and after each checkpoint it saves. */
  onProgress?: () => void;
}

export interface LingerOptions {
  minMs: number;
  maxMs: number;
}

/**
 * How long the relay waits after sending a batch of `sent` events (not a full one): a millisecond
 * per event, within [minMs, maxMs]. Under a steady rate r (events/s) the batches settle near
 * r × (wait + round trip): at a few hundred a second they stay a few events and the wait stays
 * at minMs; from about 1,000/s they grow until the wait reaches maxMs, and reads, produce
 * requests and checkpoints stop growing with the rate.
 */
export function lingerAfter(sent: number, { minMs, maxMs }: LingerOptions): number {
  return Math.min(maxMs, Math.max(minMs, sent));
}

/** Thrown inside the loop when the relay must stop leading: asked to stop, or lock lost. */
class StepAborted extends Error {}

/**
 * Stop does not wait for a send stuck in kafkajs' own reconnects. Abandoning it is safe: its
 * batch is not checkpointed, so whoever leads next sends it again (a duplicate, never a gap),
 * and as each send keeps its own order, first occurrences per partition stay in log order.
 */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new StepAborted());
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(new StepAborted());
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

const ANNOUNCED_RECHECK_MIN_MS = 5;
const ANNOUNCED_RECHECK_MAX_MS = 200;
const ANNOUNCED_RECHECK_FOR_MS = 10_000;
/** A busy relay saves its checkpoint at least this often (see publishWhileLeading). */
const CHECKPOINT_EVERY_MS = 100;

/**
 * Publishes the service's committed events, in log order, to its topic. The checkpoint moves
 * only after the broker acknowledged the batch, so a crash re-publishes at most the last
 * batch: delivery is at least once and consumers dedupe by eventId.
 */
export class EventRelay {
  private readonly leadership: RelayLeadership;
  private readonly logger: LoggerLike;
  private readonly batchSize: number;
  private readonly idlePollMs: number;
  private readonly maxIdlePollMs: number;
  private readonly linger: LingerOptions;
  private readonly backoff: BackoffOptions;
  private stopping = new AbortController();
  private running: Promise<void> | null = null;
  private session: LeaderSession | null = null;
  private published: Checkpoint | null = null;
  /** True while leading and waiting for an append (see waiting()). */
  private idle = false;
  private readonly untilWaiting: Array<() => void> = [];

  constructor(private readonly options: EventRelayOptions) {
    this.leadership = new RelayLeadership(
      options.lockConnection ?? (options.pool.options as ClientConfig),
      options.name,
      options.standbyPollMs ?? 1_000,
    );
    this.logger = options.logger ?? new Logger(`EventRelay(${options.name})`);
    this.batchSize = options.batchSize ?? 500;
    this.idlePollMs = options.idlePollMs ?? 50;
    this.maxIdlePollMs = Math.max(this.idlePollMs, options.maxIdlePollMs ?? 500);
    const lingerMs = options.lingerMs ?? 12;
    this.linger = { minMs: lingerMs, maxMs: Math.max(lingerMs, options.maxLingerMs ?? 25) };
    this.backoff = options.backoff ?? { initialMs: 200, maxMs: 10_000 };
  }

  get isLeader(): boolean {
    return this.session?.holds ?? false;
  }

  /** The last checkpoint this process saved (what the broker acknowledged, recorded), or null before its first save. */
  get checkpoint(): Checkpoint | null {
    return this.published;
  }

  start(): void {
    if (this.running) return;
    this.stopping = new AbortController();
    this.running = this.run().finally(() => (this.running = null));
  }

  /** Returns promptly: a send still in flight is abandoned, and its batch never checkpointed. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.running;
  }

  /** Read the log now rather than at the next poll (this process just committed an append). */
  poke(): void {
    this.idle = false;
    this.session?.poke();
  }

  /**
   * Resolves when this relay waits for an append (at once if it does now): only then does a
   * poke change anything, as after each batch it reads the log again anyway.
   */
  waiting(): Promise<void> {
    if (this.idle) return Promise.resolve();
    return new Promise((resolve) => this.untilWaiting.push(resolve));
  }

  /** Waits for an append (or `ms`), letting those who asked know that it waits. */
  private async waitForAppend(session: LeaderSession, ms: number, signal: AbortSignal): Promise<boolean> {
    this.idle = true;
    for (const resolve of this.untilWaiting.splice(0)) resolve();
    try {
      return await session.waitForAppend(ms, signal);
    } finally {
      this.idle = false;
    }
  }

  private async run(): Promise<void> {
    const signal = this.stopping.signal;
    for (let failures = 0; !signal.aborted; ) {
      try {
        this.session = await this.leadership.acquire(signal);
        if (!this.session) break;
        this.logger.log(`leading: publishing to ${this.options.topic}`);
        this.options.onProgress?.();
        failures = 0;
        await this.publishWhileLeading(this.session, signal).catch((error: unknown) => {
          if (!(error instanceof StepAborted)) throw error;
        });
        if (!signal.aborted) this.logger.warn('lost the relay lock (its connection closed); asking for it again');
      } catch (error) {
        failures += 1;
        this.logger.warn(`could not take the relay lock (${describeError(error)}); retrying`);
        await sleep(backoffDelay(failures, this.backoff), signal);
      } finally {
        await this.session?.release();
        this.session = null;
        this.options.onProgress?.();
      }
    }
  }

  private async publishWhileLeading(session: LeaderSession, signal: AbortSignal): Promise<void> {
    const step = <T>(what: string, work: () => Promise<T>) => this.retrying(what, work, session, signal);
    const checkpoints = new RelayCheckpoints(session.connection, this.options.name);
    let checkpoint = await step('load checkpoint', () => checkpoints.load());
    // The checkpoint is saved every CHECKPOINT_EVERY_MS, when half a batch went out unsaved, and
    // before waiting idle, not after every batch: a busy relay would spend a statement a round on
    // it. A crash re-publishes what went out unsaved, so a read never takes more than would make
    // that exceed batchSize: the bound of one batch as before (consumers dedupe by eventId).
    let unsaved = 0;
    let savedAt = Date.now();
    const saved = (reached: Checkpoint) => {
      unsaved = 0;
      savedAt = Date.now();
      this.published = reached;
    };
    const save = async () => {
      if (unsaved === 0) return;
      const reached = checkpoint;
      await step('save checkpoint', () => checkpoints.save(reached));
      saved(reached);
      this.options.onProgress?.();
    };
    // An idle log is read less and less often; what this process appends wakes the relay anyway.
    let idlePoll = this.idlePollMs;
    // An announced append can stay invisible for a moment: the log is read below the oldest
    // transaction still running anywhere in the cluster. Look again soon, for a while, rather than
    // after a full idle wait.
    let announcedAt: number | null = null;
    let recheckMs = ANNOUNCED_RECHECK_MIN_MS;
    try {
      while (session.holds && !signal.aborted) {
        const limit = this.batchSize - unsaved;
        const batch = await step('read log', () => this.options.log.readAll(checkpoint, limit, session.connection));
        if (batch.length === 0) {
          await save();
          if (announcedAt !== null && Date.now() - announcedAt < ANNOUNCED_RECHECK_FOR_MS) {
            await this.waitForAppend(session, recheckMs, signal);
            recheckMs = Math.min(recheckMs * 2, ANNOUNCED_RECHECK_MAX_MS);
            continue;
          }
          announcedAt = (await this.waitForAppend(session, idlePoll, signal)) ? Date.now() : null;
          recheckMs = ANNOUNCED_RECHECK_MIN_MS;
          if (announcedAt === null) idlePoll = Math.min(idlePoll * 2, this.maxIdlePollMs);
          continue;
        }
        announcedAt = null;
        idlePoll = this.idlePollMs;
        const messages = batch.map(toRelayMessage);
        await step('publish', () => this.options.producer.send(this.options.topic, messages));
        const last = batch[batch.length - 1];
        checkpoint = { txid: last.txid, position: last.position };
        unsaved += batch.length;
        if (unsaved * 2 >= this.batchSize || Date.now() - savedAt >= CHECKPOINT_EVERY_MS) await save();
        if (batch.length < limit) {
          const linger = lingerAfter(batch.length, this.linger);
          if (linger > 0) await sleep(linger, signal);
        }
      }
    } finally {
      // Stopping (not a lost lock): what went out is recorded, so the next leader starts after it.
      if (unsaved > 0 && session.holds) {
        const reached = checkpoint;
        await checkpoints.save(reached).then(
          () => saved(reached),
          (error: unknown) => this.logger.warn(`could not save the checkpoint on stop (${describeError(error)}); the next leader re-publishes from the last one`),
        );
      }
    }
  }

  /** Retries `work` with capped backoff for as long as this process leads; never skips it. */
  private async retrying<T>(what: string, work: () => Promise<T>, session: LeaderSession, signal: AbortSignal): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      if (signal.aborted || !session.holds) throw new StepAborted();
      try {
        return await untilAborted(work(), signal);
      } catch (error) {
        if (error instanceof StepAborted) throw error;
        this.logger.warn(`${what} failed (attempt ${attempt}): ${describeError(error)}; retrying`);
        await sleep(backoffDelay(attempt, this.backoff), signal);
      }
    }
  }
}
