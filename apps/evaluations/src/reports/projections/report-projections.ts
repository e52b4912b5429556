import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PgEventStore, ProjectionDaemon, ProjectionRunner } from '@rectify/event-store';
import { reportListProjection } from './report-list.projection';

/** Keeps the report read models caught up with the log while the service runs. */
@Injectable()
export class ReportProjections implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReportProjections.name);
  private readonly daemon: ProjectionDaemon;
  private readonly unsubscribe: () => void;

  constructor(store: PgEventStore) {
    this.daemon = new ProjectionDaemon([new ProjectionRunner(store, reportListProjection)], {
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
