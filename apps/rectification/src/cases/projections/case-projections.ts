import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CheckpointMoved, PgEventStore, type Projection, ProjectionDaemon, ProjectionRunner } from '@rectify/event-store';
import { caseListProjection } from './case-list.projection';
import { caseTimersProjection } from './case-timers.projection';

/** Every read model of the case log, in one place for the daemon and the CLI's rebuild. */
export const CASE_PROJECTIONS: readonly Projection[] = [caseListProjection, caseTimersProjection];

/** Keeps the case read models caught up with the log while the service runs. */
@Injectable()
export class CaseProjections implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CaseProjections.name);
  private readonly runners: ProjectionRunner[];
  private readonly daemon: ProjectionDaemon;
  private readonly unsubscribe: () => void;

  constructor(store: PgEventStore) {
    this.runners = CASE_PROJECTIONS.map((projection) => new ProjectionRunner(store, projection));
    this.daemon = new ProjectionDaemon(this.runners, {
      onError: (error) => this.logger.warn(`projection failed, retrying: ${String(error)}`),
    });
    this.unsubscribe = store.onAppended(() => this.daemon.poke());
  }

  /** Applies everything committed so far (the watcher needs current timers before it fires). */
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
