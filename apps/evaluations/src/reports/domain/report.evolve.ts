import { assertNever } from '../../shared/assert-never';
import type { ReportEvent } from './report.events';
import type { ReportState } from './report.state';

/** Pure: the state after `event`. `at` is the event's occurredAt (ISO), never the clock. */
export function evolve(state: ReportState, event: ReportEvent, at: string): ReportState {
  if (event.type === 'ReportReceived') {
    const d = event.data;
    return { status: 'received', id: d.reportId, channel: d.channel, unitId: d.unitId ?? null, category: d.category ?? null, caseId: null, receivedAt: at, updatedAt: at };
  }
  if (state.status === 'none') return state;
  const { id, channel, unitId, category, caseId, receivedAt } = state;
  const base = { id, channel, unitId, category, caseId, receivedAt, updatedAt: at };
  switch (event.type) {
    case 'ReportTriaged': {
      const d = event.data;
      if (d.decision !== 'open_case') return { ...state, updatedAt: at };
      return { ...base, status: 'under_review', unitId: d.unitId ?? state.unitId, category: d.category ?? state.category };
    }
    case 'ReportCaseLinked':
      return { ...base, status: 'case_opened', caseId: event.data.caseId };
    case 'ReportCaseResolved':
      return { ...base, status: 'resolved', caseId: event.data.caseId, feedbackGiven: false };
    case 'ReportClosed':
      return { ...base, status: 'closed' };
    case 'ReporterFeedbackGiven':
      // "Not solved" sends the case back to verification: the report follows the open case again.
      return event.data.solved
        ? { ...base, status: 'resolved', caseId: event.data.caseId, feedbackGiven: true }
        : { ...base, status: 'case_opened', caseId: event.data.caseId };
    default:
      return assertNever(event);
  }
}
