import { Injectable } from '@nestjs/common';
import { PgEventStore, type Projection, ProjectionsHost } from '@rectify/event-store';
import { caseListProjection } from './case-list.projection';
import { caseStatsProjection } from './case-stats.projection';
import { caseTimersProjection } from './case-timers.projection';

/** Every read model of the case log, in one place for the daemon and the CLI's rebuild. */
export const CASE_PROJECTIONS: readonly Projection[] = [caseListProjection, caseTimersProjection, caseStatsProjection];

/** Keeps the case read models caught up with the log (the deadline watcher calls catchUp first). */
@Injectable()
export class CaseProjections extends ProjectionsHost {
  constructor(store: PgEventStore) {
    super(store, CASE_PROJECTIONS);
  }
}
