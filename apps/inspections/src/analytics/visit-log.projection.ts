import type { PoolClient } from 'pg';
import type { VisitRecordedV1 } from '@rectify/contracts';
import type { Projection, RecordedEvent } from '@rectify/event-store';

/**
 * `visit_log`: who was visited when, under which mode. Only what a recorded visit already
 * reveals: a sealed plan's other targets and its window never reach this table.
 */
export const visitLogProjection: Projection = {
  name: 'inspections.visit_log',
  async apply(events: readonly RecordedEvent[], tx: PoolClient): Promise<void> {
    for (const event of events) {
      if (event.type !== 'VisitRecorded') continue;
      const v = event.data as VisitRecordedV1;
      await tx.query(
        `INSERT INTO visit_log (visit_id, plan_id, unit_id, mode, arrived_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (visit_id) DO NOTHING`,
        [v.visitId, v.planId, v.unitId, v.mode, v.arrivedAt],
      );
    }
  },
};
