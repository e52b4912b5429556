import type { CaseEvent } from '../domain/case.events';
import type { Sets } from './folded-rows';

/**
 * The columns each event changes in a one-row-per-case read model (case_list has them all;
 * case_stats takes the ones it keeps); `status` follows evolve's transitions. Undefined for
 * CaseOpened, which starts the row.
 */
export function caseRowChanges(event: CaseEvent): Sets | undefined {
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

function assertNever(value: never): never {
  throw new Error(`unhandled event ${JSON.stringify(value)}`);
}
