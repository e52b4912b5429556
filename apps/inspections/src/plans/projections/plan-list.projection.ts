import type { PoolClient } from 'pg';
import type { Projection, RecordedEvent } from '@rectify/event-store';
import type { InspectionDisclosedV1, VisitRecordedV1 } from '@rectify/contracts';
import type { InspectionPlannedData } from '../domain/plan.events';

/** `plan_list`: what GET /api/inspections/plans filters on, including who may see each plan. */
export const planListProjection: Projection = {
  name: 'inspections.plan_list',
  async apply(events: readonly RecordedEvent[], tx: PoolClient): Promise<void> {
    for (const event of events) {
      switch (event.type) {
        case 'InspectionPlanned': {
          const p = event.data as InspectionPlannedData;
          await tx.query(
            `INSERT INTO plan_list (id, title, mode, scope, status, target_unit_ids, team, version, planned_at)
             VALUES ($1, $2, $3, $4, 'planned', $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING`,
            [p.planId, p.title, p.mode, p.scope, p.targetUnitIds, p.team, event.streamVersion, event.occurredAt],
          );
          break;
        }
        case 'VisitRecorded': {
          const v = event.data as VisitRecordedV1;
          await tx.query(
            `UPDATE plan_list SET visited_unit_ids = array_append(visited_unit_ids, $2), version = $3,
                    status = CASE WHEN target_unit_ids <@ array_append(visited_unit_ids, $2) THEN 'completed' ELSE status END
              WHERE id = $1 AND version < $3`,
            [v.planId, v.unitId, event.streamVersion],
          );
          break;
        }
        case 'InspectionDisclosed': {
          const d = event.data as InspectionDisclosedV1;
          await tx.query(
            'UPDATE plan_list SET disclosed_unit_ids = array_append(disclosed_unit_ids, $2), version = $3 WHERE id = $1 AND version < $3',
            [d.planId, d.unitId, event.streamVersion],
          );
          break;
        }
      }
    }
  },
};
