import type { PoolClient } from 'pg';
import type { Projection, RecordedEvent } from '@rectify/event-store';
import type { CaseEvent } from '../domain/case.events';
import { FIRST, FoldedRows, type Sets } from './folded-rows';

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
  async apply(events: readonly RecordedEvent[], tx: PoolClient): Promise<void> {
    const rows = new FoldedRows('case_stats', 'case_id');
    for (const recorded of events) {
      if (!recorded.streamId.startsWith('case-')) continue;
      const event = { type: recorded.type, data: recorded.data } as CaseEvent;
      const at = recorded.occurredAt;
      if (event.type === 'CaseOpened') {
        const d = event.data;
        rows.open(d.caseId, { unit_id: d.unitId, category: d.category, status: 'registered', opened_at: at });
        continue;
      }
      const sets = changes(event);
      if (sets) rows.change(event.data.caseId, sets, at);
    }
    await rows.write(tx);
  },
};

function assertNever(value: never): never {
  throw new Error(`unhandled event ${JSON.stringify(value)}`);
}
