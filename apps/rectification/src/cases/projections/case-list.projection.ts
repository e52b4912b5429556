import type { PoolClient } from 'pg';
import type { Projection, RecordedEvent } from '@rectify/event-store';
import type { CaseEvent } from '../domain/case.events';

/** The `case_list` read model behind GET /api/cases. Rebuildable from the log at any time. */
export const caseListProjection: Projection = {
  name: 'case_list',
  async apply(events: readonly RecordedEvent[], tx: PoolClient): Promise<void> {
    for (const recorded of events) {
      if (!recorded.streamId.startsWith('case-')) continue;
      const event = { type: recorded.type, data: recorded.data } as CaseEvent;
      const at = recorded.occurredAt;
      switch (event.type) {
        case 'CaseOpened': {
          const d = event.data;
          await tx.query(
            `INSERT INTO case_list (id, unit_id, category, title, severity, status, source_kind, source_ref, version, opened_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, 'registered', $6, $7, $8, $9, $9)
             ON CONFLICT (id) DO NOTHING`,
            [d.caseId, d.unitId, d.category, d.title, d.severity, d.source.kind, d.source.ref, recorded.streamVersion, at],
          );
          break;
        }
        case 'CaseAssigned': {
          const d = event.data;
          await tx.query(
            `UPDATE case_list SET status = 'assigned', responsible_unit_id = $2, deadline = $3, version = $4, updated_at = $5 WHERE id = $1`,
            [d.caseId, d.responsibleUnitId, d.deadline, recorded.streamVersion, at],
          );
          break;
        }
        default:
          break;
      }
    }
  },
};
