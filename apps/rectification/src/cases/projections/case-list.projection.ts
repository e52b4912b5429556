import type { PoolClient } from 'pg';
import type { Projection, RecordedEvent } from '@rectify/event-store';
import type { CaseEvent } from '../domain/case.events';
import { foldCaseRows, type Sets } from './folded-rows';

/** Column changes each event makes to its case's row; `status` follows evolve's transitions. */
function changes(event: CaseEvent): Sets | undefined {
  switch (event.type) {
    case 'CaseAssigned':
      return { status: 'assigned', responsible_unit_id: event.data.responsibleUnitId, deadline: event.data.deadline, overdue: false };
    case 'CaseAcknowledged':
      return { status: 'acknowledged' };
    case 'MeasuresSubmitted':
      return { status: 'rectifying' };
    case 'RectificationReported':
      return { status: 'reported' };
    case 'VerificationRequested':
      return event.data.purpose === 'verification' ? { status: 'verifying' } : {};
    case 'VerificationFailed':
      return { status: 'rectifying', return_count: event.data.returnCount };
    case 'DeadlineExtended':
      return { deadline: event.data.deadline, overdue: false };
    case 'CaseOverdue':
      return { overdue: true };
    case 'CaseEscalated':
      return { escalated: true };
    case 'CaseResolved':
      return { status: 'resolved', overdue: false };
    case 'CaseClosed':
      return { status: 'closed' };
    case 'CaseReopened':
      return { status: 'rectifying', reopen_count: event.data.reopenCount, deadline: event.data.deadline, overdue: false };
    case 'CaseDismissed':
      return { status: 'dismissed' };
    case 'CaseMerged':
      return { status: 'merged' };
    case 'ProgressReported':
    case 'VerificationPassed':
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
        const sets = changes(event);
        return sets && { ...sets, version: streamVersion, updated_at: occurredAt };
      },
    }),
};

function assertNever(value: never): never {
  throw new Error(`unhandled event ${JSON.stringify(value)}`);
}
