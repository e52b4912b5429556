import { Injectable } from '@nestjs/common';
import { PgEventStore, ProjectionsHost } from '@rectify/event-store';
import { unitSatisfactionProjection } from './unit-satisfaction.projection';

/** Keeps the analytics read model caught up with the evaluations log; a new one backfills from the start. */
@Injectable()
export class EvaluationAnalyticsProjections extends ProjectionsHost {
  constructor(store: PgEventStore) {
    super(store, [unitSatisfactionProjection]);
  }
}
