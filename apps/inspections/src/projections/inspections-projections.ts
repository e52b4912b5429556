import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PgEventStore, type Projection, ProjectionDaemon, ProjectionRunner } from '@rectify/event-store';
import { planListProjection } from '../plans/projections/plan-list.projection';
import { reinspectionTasksProjection } from '../reinspections/projections/reinspection-tasks.projection';

/** Every read model of the inspections log, for the daemon (and a rebuild: reset and catch up). */
export const INSPECTIONS_PROJECTIONS: readonly Projection[] = [planListProjection, reinspectionTasksProjection];

/** Keeps the read models caught up with the log while the service runs; local appends wake it. */
@Injectable()
export class InspectionsProjections implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(InspectionsProjections.name);
  private readonly daemon: ProjectionDaemon;
  private readonly unsubscribe: () => void;

  constructor(store: PgEventStore) {
    this.daemon = new ProjectionDaemon(INSPECTIONS_PROJECTIONS.map((projection) => new ProjectionRunner(store, projection)), {
      onError: (error) => this.logger.warn(`projection failed, retrying: ${String(error)}`),
    });
    this.unsubscribe = store.onAppended(() => this.daemon.poke());
  }

  onApplicationBootstrap(): void {
    this.daemon.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.unsubscribe();
    await this.daemon.stop();
  }
}
