import { Client, type ClientConfig } from 'pg';
import { sleep } from '../retry/backoff';

/** Listened to by the leader: a NOTIFY here wakes it (the event store does not send one on every append: see the README). */
export const EVENT_STORE_APPENDED_CHANNEL = 'event_store_appended';

// First half of the two-int advisory lock key: 'RELY', so relay locks never collide with
// other advisory locks in the same database.
const RELAY_LOCK_CLASS = 0x52454c59;

/**
 * One relay publishes per service database: the one holding a session advisory lock on a
 * dedicated connection. If that process dies, PostgreSQL drops the connection and the lock
 * with it, and a standby polling `pg_try_advisory_lock` takes over.
 */
export class RelayLeadership {
  constructor(
    private readonly clientConfig: ClientConfig,
    private readonly name: string,
    private readonly standbyPollMs: number,
  ) {}

  /** Resolves once this process leads, or with null once `signal` aborts; throws if PG fails. */
  async acquire(signal: AbortSignal): Promise<LeaderSession | null> {
    const client = new Client({ ...this.clientConfig, keepAlive: true });
    const session = new LeaderSession(client);
    try {
      await client.connect();
      while (!signal.aborted && session.holds) {
        const { rows } = await client.query<{ locked: boolean }>(
          'SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked',
          [RELAY_LOCK_CLASS, this.name],
        );
        if (rows[0].locked) {
          await client.query(`LISTEN ${EVENT_STORE_APPENDED_CHANNEL}`);
          // The leader's checkpoints go through this connection (see LeaderSession.connection):
          // losing one to a database crash only means publishing a few events again.
          await client.query('SET synchronous_commit = off');
          return session;
        }
        await sleep(this.standbyPollMs, signal);
      }
      if (!session.holds) throw new Error('lost the relay lock connection while standing by');
    } catch (error) {
      await session.release();
      throw error;
    }
    await session.release();
    return null;
  }
}

export class LeaderSession {
  private lost = false;
  private notified = false;
  private wake: (() => void) | null = null;

  constructor(private readonly client: Client) {
    client.on('notification', () => {
      this.notified = true;
      this.wake?.();
    });
    // The lock lives and dies with this connection.
    client.on('error', () => this.lose());
    client.on('end', () => this.lose());
  }

  get holds(): boolean {
    return !this.lost;
  }

  /**
   * The connection that holds the lock. The leader reads the log through it (never queueing for
   * a pooled connection behind the service's own work) and saves checkpoints through it: they
   * can only be written while this process leads, and commit without waiting for the WAL flush.
   */
  get connection(): Client {
    return this.client;
  }

  /**
   * Waits up to `ms` for an append notification; returns at once if one came since the last wait.
   * True when an append was announced (rather than the time running out).
   */
  async waitForAppend(ms: number, signal: AbortSignal): Promise<boolean> {
    if (!this.notified && !this.lost) {
      const woken = new AbortController();
      const wake = () => woken.abort();
      this.wake = wake;
      signal.addEventListener('abort', wake, { once: true });
      await sleep(ms, woken.signal);
      signal.removeEventListener('abort', wake);
      this.wake = null;
    }
    const announced = this.notified;
    this.notified = false;
    return announced;
  }

  /** Same as a notification: something was appended (told in-process by the writer). */
  poke(): void {
    this.notified = true;
    this.wake?.();
  }

  /** Ending the connection releases the session lock too; no explicit unlock needed. */
  async release(): Promise<void> {
    this.lost = true;
    await this.client.end().catch(() => undefined);
  }

  private lose(): void {
    this.lost = true;
    this.wake?.();
  }
}
