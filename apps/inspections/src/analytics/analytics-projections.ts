import { Injectable } from '@nestjs/common';
import { PgEventStore, ProjectionsHost } from '@rectify/event-store';
import { visitLogProjection } from './visit-log.projection';

/** Keeps the analytics read model caught up with the inspections log; a new one backfills from the start. */
@Injectable()
export class InspectionAnalyticsProjections extends ProjectionsHost {
  constructor(store: PgEventStore) {
    super(store, [visitLogProjection]);
  }
}
