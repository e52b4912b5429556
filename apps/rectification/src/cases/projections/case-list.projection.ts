import type { PoolClient } from 'pg';
import type { Projection, RecordedEvent } from '@rectify/event-store';
import { caseRowChanges } from './case-row-changes';
import { foldCaseRows } from './folded-rows';

/** The `case_list` read model behind GET /api/cases. Rebuildable from the log at any time. */
export const caseListProjection: Projection = {
  name: 'case_list',
  // Folded per case: a busy log is mostly cases opened and assigned in one batch, one row each.
  apply: (events: readonly RecordedEvent[], tx: PoolClient) =>
    foldCaseRows(events, tx, {
      table: 'case_list',
      key: 'id',
      opened: (d, { streamVersion, occurredAt: at }) => ({
        unit_id: d.unitId, category: d.category, title: d.title, severity: d.severity, status: 'registered',
        source_kind: d.source.kind, source_ref: d.source.ref, version: streamVersion, opened_at: at, updated_at: at,
      }),
      changed: (event, { streamVersion, occurredAt }) => {
        const sets = caseRowChanges(event);
        return sets && { ...sets, version: streamVersion, updated_at: occurredAt };
      },
    }),
};
