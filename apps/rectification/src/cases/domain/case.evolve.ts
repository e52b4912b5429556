import type { CaseEvent } from './case.events';
import type { CaseState, OpenedCase } from './case.state';

/** Pure: the state after `event`. `at` is the event's occurredAt (ISO), never the clock. */
export function evolve(state: CaseState, event: CaseEvent, at: string): CaseState {
  if (event.type === 'CaseOpened') {
    const { caseId, ...facts } = event.data;
    return {
      status: 'registered',
      id: caseId,
      ...facts,
      openedAt: at,
      updatedAt: at,
      responsibleUnitId: null,
      responsiblePerson: null,
      deadline: null,
      overdue: false,
      escalated: false,
      returnCount: 0,
      reopenCount: 0,
      measures: [],
      progressNotes: 0,
      completionSummary: null,
      verifications: [],
      accountability: [],
      lookBackAt: null,
      lookBackRequested: false,
      dismissReason: null,
      mergedInto: null,
    };
  }
  if (state.status === 'none') return state;
  return { ...evolveCase(state, event), updatedAt: at };

  function evolveCase(c: OpenedCase, e: Exclude<CaseEvent, { type: 'CaseOpened' }>): OpenedCase {
    switch (e.type) {
      case 'CaseAssigned': {
        const { responsibleUnitId, responsiblePerson, deadline } = e.data;
        return { ...c, status: 'assigned', responsibleUnitId, responsiblePerson, deadline, overdue: false };
      }
      case 'CaseAcknowledged':
        return { ...c, status: 'acknowledged' };
      case 'MeasuresSubmitted':
        return { ...c, status: 'rectifying', measures: [...c.measures, ...e.data.measures] };
      case 'ProgressReported':
        return { ...c, progressNotes: c.progressNotes + 1 };
      case 'RectificationReported':
        return { ...c, status: 'reported', completionSummary: e.data.summary };
      case 'VerificationRequested':
        return e.data.purpose === 'look_back' ? { ...c, lookBackRequested: true } : { ...c, status: 'verifying' };
      case 'VerificationPassed':
        return { ...c, verifications: [...c.verifications, { outcome: 'passed', basis: e.data.basis, at }] };
      case 'VerificationFailed':
        return { ...c, status: 'rectifying', returnCount: e.data.returnCount, verifications: [...c.verifications, { outcome: 'failed', basis: e.data.basis, at }] };
      case 'DeadlineExtended':
        return { ...c, deadline: e.data.deadline, overdue: false };
      case 'CaseOverdue':
        return { ...c, overdue: true };
      case 'CaseEscalated':
        return { ...c, escalated: true };
      case 'AccountabilityRecorded':
        return { ...c, accountability: [...c.accountability, { cadreId: e.data.cadreId, measure: e.data.measure, note: e.data.note }] };
      case 'CaseResolved':
        return { ...c, status: 'resolved', overdue: false };
      case 'LookBackScheduled':
        return { ...c, lookBackAt: e.data.lookBackAt, lookBackRequested: false };
      case 'CaseClosed':
        return { ...c, status: 'closed' };
      case 'CaseReopened':
        return { ...c, status: 'rectifying', reopenCount: e.data.reopenCount, deadline: e.data.deadline, overdue: false, lookBackAt: null, lookBackRequested: false };
      case 'CaseDismissed':
        return { ...c, status: 'dismissed', dismissReason: e.data.reason };
      case 'CaseMerged':
        return { ...c, status: 'merged', mergedInto: e.data.intoCaseId };
      case 'CaseBulletinPublished':
        return c;
      default:
        return assertNever(e);
    }
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled event ${JSON.stringify(value)}`);
}
