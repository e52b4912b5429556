import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { PgEventStore } from '../pg-event-store';
import { ProjectionDaemon } from '../projection-daemon';
import { ProjectionGroup } from '../projection-group';
import { CheckpointMoved, type Projection } from '../projection-runner';

const SETTLE_LIMIT_MS = 10_000;

/** Every host of one store feeds one group and one daemon: one read and one transaction a round. */
interface SharedProjections {
  group: ProjectionGroup;
  daemon: ProjectionDaemon;
  running: number;
  unsubscribe: () => void;
}

const shared = new WeakMap<PgEventStore, SharedProjections>();

function sharedBy(store: PgEventStore): SharedProjections {
  let entry = shared.get(store);
  if (!entry) {
    const logger = new Logger('Projections');
    const group = new ProjectionGroup(store);
    const daemon = new ProjectionDaemon([{ catchUp: () => group.keepUp() }], { onError: (error) => logger.warn(`projection failed, retrying: ${String(error)}`) });
    entry = { group, daemon, running: 0, unsubscribe: store.onAppended(() => daemon.poke()) };
    shared.set(store, entry);
  }
  return entry;
}

/**
 * Keeps a service's read models caught up with its log while it runs: a daemon polls, and this
 * process's own appends wake it at once. A service declares a subclass naming its projections
 * (several subclasses of one service share one daemon and apply each batch in one transaction):
 *
 *   @Injectable() export class CaseProjections extends ProjectionsHost {
 *     constructor(store: PgEventStore) { super(store, CASE_PROJECTIONS); }
 *   }
 */
export abstract class ProjectionsHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly shared: SharedProjections;
  private readonly store: PgEventStore;
  private started = false;

  protected constructor(store: PgEventStore, projections: readonly Projection[]) {
    this.store = store;
    this.shared = sharedBy(store);
    this.shared.group.add(projections);
  }

  /**
   * Applies everything committed before the call, whatever the daemon is doing meanwhile. The
   * log is read only below the oldest transaction still running (ADR 001), so a transaction open
   * at the call — the daemon's own batch, or a slow writer — would hide events committed after it
   * began (at most SETTLE_LIMIT_MS: the horizon is cluster-wide, and a stuck session elsewhere must
   * not stall the caller; what is visible by then is applied).
   */
  async catchUp(): Promise<void> {
    const { rows } = await this.store.pool.query<{ horizon: string }>('SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS horizon');
    const giveUpAt = Date.now() + SETTLE_LIMIT_MS;
    for (let waitMs = 1; Date.now() < giveUpAt; waitMs = Math.min(waitMs * 2, 50)) {
      const settled = await this.store.pool.query<{ settled: boolean }>('SELECT pg_snapshot_xmin(pg_current_snapshot()) >= $1::xid8 AS settled', [rows[0].horizon]);
      if (settled.rows[0].settled) break;
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
    // Read the checkpoints afresh: someone may have reset one (a rebuild) since the last round.
    this.shared.group.forget();
    for (;;) {
      try {
        await this.shared.group.catchUp();
        return;
      } catch (error) {
        // The daemon moved the checkpoints under us: it applied that batch; read on from there.
        if (!(error instanceof CheckpointMoved)) throw error;
      }
    }
  }

  onApplicationBootstrap(): void {
    if (this.started) return;
    this.started = true;
    if (this.shared.running++ === 0) this.shared.daemon.start();
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    if (--this.shared.running > 0) return;
    this.shared.unsubscribe();
    shared.delete(this.store);
    await this.shared.daemon.stop();
  }
}
