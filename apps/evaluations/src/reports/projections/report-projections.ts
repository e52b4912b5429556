import { Injectable } from '@nestjs/common';
import { PgEventStore, ProjectionsHost } from '@rectify/event-store';
import { reportListProjection } from './report-list.projection';

/** Keeps the report read models caught up with the log while the service runs. */
@Injectable()
export class ReportProjections extends ProjectionsHost {
  constructor(store: PgEventStore) {
    super(store, [reportListProjection]);
  }
}
