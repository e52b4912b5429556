import type { PoolClient } from 'pg';
import type { Projection, RecordedEvent } from '@rectify/event-store';
import type { CaseEvent } from '../domain/case.events';
import { FIRST, foldCaseRows, type Sets } from './folded-rows';

/** Column changes each event makes to its case's stats row; `status` follows evolve's transitions. */
function changes(event: CaseEvent): Sets | undefined {
  switch (event.type) {
    case 'CaseAssigned':
      return { status: 'assigned', responsible_unit_id: event.data.responsibleUnitId, overdue: false };
    case 'CaseAcknowledged':
      return { status: 'acknowledged' };
    case 'MeasuresSubmitted':
      return { status: 'rectifying' };
    case 'RectificationReported':
      return { status: 'reported' };
    case 'VerificationRequested':
      return event.data.purpose === 'verification' ? { status: 'verifying', first_verification_at: FIRST } : {};
    case 'VerificationPassed':
      return { first_verification_at: FIRST };
    case 'VerificationFailed':
      return { status: 'rectifying', return_count: event.data.returnCount, first_verification_at: FIRST };
    case 'DeadlineExtended':
      return { overdue: false };
    case 'CaseOverdue':
      return { overdue: true, first_overdue_at: FIRST };
    case 'CaseResolved':
      return { status: 'resolved', overdue: false, first_resolved_at: FIRST };
    case 'CaseClosed':
      return { status: 'closed' };
    case 'CaseReopened':
      return { status: 'rectifying', reopen_count: event.data.reopenCount, overdue: false };
    case 'CaseDismissed':
      return { status: 'dismissed' };
    case 'CaseMerged':
      return { status: 'merged' };
    case 'ProgressReported':
    case 'CaseEscalated':
    case 'AccountabilityRecorded':
    case 'LookBackScheduled':
    case 'CaseBulletinPublished':
      return {};
    case 'CaseOpened':
      return undefined;
    default:
      return assertNever(event);
  }
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

function assertNever(value: never): never {
  throw new Error(`unhandled event ${JSON.stringify(value)}`);
}
