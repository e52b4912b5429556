import type { PoolClient } from 'pg';
import type { ReinspectionCompletedV1, ReinspectionRequestedV1 } from '@rectify/contracts';
import type { Projection, RecordedEvent } from '@rectify/event-store';

/** `reinspection_tasks`: GET /api/inspections/reinspections?status. */
export const reinspectionTasksProjection: Projection = {
  name: 'inspections.reinspection_tasks',
  async apply(events: readonly RecordedEvent[], tx: PoolClient): Promise<void> {
    for (const event of events) {
      if (event.type === 'ReinspectionRequested') {
        const d = event.data as ReinspectionRequestedV1;
        await tx.query(
          `INSERT INTO reinspection_tasks (id, case_id, unit_id, responsible_unit_id, category, purpose, mode, status, version, requested_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, 'requested', $8, $9) ON CONFLICT (id) DO NOTHING`,
          [d.reinspectionId, d.caseId, d.unitId, d.responsibleUnitId, d.category, d.purpose, d.mode, event.streamVersion, event.occurredAt],
        );
      } else if (event.type === 'ReinspectionCompleted') {
        const d = event.data as ReinspectionCompletedV1;
        await tx.query(
          `UPDATE reinspection_tasks SET status = 'completed', outcome = $2, version = $3 WHERE id = $1 AND version < $3`,
          [d.reinspectionId, d.outcome, event.streamVersion],
        );
      }
    }
  },
};
