import type { PoolClient } from 'pg';
import type { Projection, RecordedEvent } from '@rectify/event-store';
import type { CaseEvent } from '../domain/case.events';
import { caseRowChanges } from './case-row-changes';
import { FIRST, foldCaseRows, type Sets } from './folded-rows';

const KEPT = ['status', 'responsible_unit_id', 'overdue', 'return_count', 'reopen_count'];

/** The milestone an event may set: its time, unless an earlier event set it already. */
function milestone(event: CaseEvent): Sets {
  switch (event.type) {
    case 'VerificationRequested':
      return event.data.purpose === 'verification' ? { first_verification_at: FIRST } : {};
    case 'VerificationPassed':
    case 'VerificationFailed':
      return { first_verification_at: FIRST };
    case 'CaseOverdue':
      return { first_overdue_at: FIRST };
    case 'CaseResolved':
      return { first_resolved_at: FIRST };
    default:
      return {};
  }
}

/** The case row's changes this table keeps, and its milestones. */
function changes(event: CaseEvent): Sets | undefined {
  const all = caseRowChanges(event);
  if (!all) return undefined;
  return { ...Object.fromEntries(Object.entries(all).filter(([column]) => KEPT.includes(column))), ...milestone(event) };
}

/**
 * `case_stats`, behind GET /api/cases/analytics: per case, the milestones that the overview's
 * rates are made of, with the event times of the log (never the clock of the rebuild).
 */
export const caseStatsProjection: Projection = {
  name: 'case_stats',
  apply: (events: readonly RecordedEvent[], tx: PoolClient) =>
    foldCaseRows(events, tx, {
      table: 'case_stats',
      key: 'case_id',
      opened: (d, { occurredAt }) => ({ unit_id: d.unitId, category: d.category, status: 'registered', opened_at: occurredAt }),
      changed: (event) => changes(event),
    }),
};
