import { Injectable } from '@nestjs/common';
import { PgEventStore, type Projection, ProjectionsHost } from '@rectify/event-store';
import { planListProjection } from '../plans/projections/plan-list.projection';
import { reinspectionTasksProjection } from '../reinspections/projections/reinspection-tasks.projection';

/** Every read model of the inspections log, for the daemon (and a rebuild: reset and catch up). */
export const INSPECTIONS_PROJECTIONS: readonly Projection[] = [planListProjection, reinspectionTasksProjection];

/** Keeps the read models caught up with the log while the service runs; local appends wake it. */
@Injectable()
export class InspectionsProjections extends ProjectionsHost {
  constructor(store: PgEventStore) {
    super(store, INSPECTIONS_PROJECTIONS);
  }
}
