import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { PgEventStore } from '../pg-event-store';
import { ProjectionDaemon } from '../projection-daemon';
import { CheckpointMoved, type Projection, ProjectionRunner } from '../projection-runner';

const SETTLE_LIMIT_MS = 10_000;

/**
 * Keeps a service's read models caught up with its log while it runs: a daemon polls, and this
 * process's own appends wake it at once. A service declares one subclass naming its projections:
 *
 *   @Injectable() export class CaseProjections extends ProjectionsHost {
 *     constructor(store: PgEventStore) { super(store, CASE_PROJECTIONS, 'CaseProjections'); }
 *   }
 */
export abstract class ProjectionsHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly runners: ProjectionRunner[];
  private readonly daemon: ProjectionDaemon;
  private readonly unsubscribe: () => void;
  private readonly store: PgEventStore;

  protected constructor(store: PgEventStore, projections: readonly Projection[], name: string) {
    this.store = store;
    const logger = new Logger(name);
    this.runners = projections.map((projection) => new ProjectionRunner(store, projection));
    this.daemon = new ProjectionDaemon(this.runners, {
      onError: (error) => logger.warn(`projection failed, retrying: ${String(error)}`),
    });
    this.unsubscribe = store.onAppended(() => this.daemon.poke());
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
    await this.applyCommitted();
  }

  private async applyCommitted(): Promise<void> {
    for (const runner of this.runners) {
      for (;;) {
        try {
          await runner.catchUp();
          break;
        } catch (error) {
          // The daemon moved the checkpoint under us: it applied that batch; read on from there.
          if (!(error instanceof CheckpointMoved)) throw error;
        }
      }
    }
  }

  onApplicationBootstrap(): void {
    this.daemon.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.unsubscribe();
    await this.daemon.stop();
  }
}
