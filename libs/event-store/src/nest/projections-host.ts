import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { PgEventStore } from '../pg-event-store';
import { ProjectionDaemon } from '../projection-daemon';
import { CheckpointMoved, type Projection, ProjectionRunner } from '../projection-runner';

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

  protected constructor(store: PgEventStore, projections: readonly Projection[], name: string) {
    const logger = new Logger(name);
    this.runners = projections.map((projection) => new ProjectionRunner(store, projection));
    this.daemon = new ProjectionDaemon(this.runners, {
      onError: (error) => logger.warn(`projection failed, retrying: ${String(error)}`),
    });
    this.unsubscribe = store.onAppended(() => this.daemon.poke());
  }

  /** Applies everything committed so far, whatever the daemon is doing meanwhile. */
  async catchUp(): Promise<void> {
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
