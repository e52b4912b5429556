import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PgEventStore, ProjectionDaemon, ProjectionRunner } from '@rectify/event-store';
import { caseListProjection } from './case-list.projection';

/** Keeps the case read models caught up with the log while the service runs. */
@Injectable()
export class CaseProjections implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CaseProjections.name);
  private readonly daemon: ProjectionDaemon;
  private readonly unsubscribe: () => void;

  constructor(store: PgEventStore) {
    this.daemon = new ProjectionDaemon([new ProjectionRunner(store, caseListProjection)], {
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
