import { assertNever } from '../../shared/assert-never';
import type { ReportCommand } from './report.commands';
import { ReportError } from './report.errors';
import type { ReportEvent } from './report.events';
import type { ReportState } from './report.state';

/**
 * Pure. Commands from the public and inspectors are refused when out of place; facts from
 * rectification (case opened, resolved, closed) that no longer apply are ignored (no events),
 * because a redelivered or late message must not fail its consumer.
 */
export function decide(command: ReportCommand, state: ReportState): ReportEvent[] {
  switch (command.type) {
    case 'ReceiveReport': {
      if (state.status !== 'none') throw ReportError.alreadyReceived(command.data.reportId);
      const { reportId, channel, unitId, category } = command.data;
      return [{ type: 'ReportReceived', data: { reportId, channel, ...(unitId ? { unitId } : {}), ...(category ? { category } : {}) } }];
    }
    case 'TriageReport': {
      if (state.status === 'none') throw ReportError.reportNotFound('(unknown)');
      if (state.status !== 'received') throw ReportError.alreadyTriaged();
      const d = command.data;
      const reportId = state.id;
      switch (d.decision) {
        case 'open_case': {
          const unitId = d.unitId ?? state.unitId;
          const category = d.category ?? state.category;
          if (!unitId || !category) throw ReportError.triageIncomplete('opening a case needs the unit and the category');
          if (!d.summary) throw ReportError.triageIncomplete('opening a case needs a summary');
          return [{ type: 'ReportTriaged', data: { reportId, decision: 'open_case', unitId, category, summary: d.summary } }];
        }
        case 'merge': {
          if (!d.caseId) throw ReportError.triageIncomplete('merging needs the case the report joins');
          return [
            { type: 'ReportTriaged', data: { reportId, decision: 'merge', caseId: d.caseId, ...(d.summary ? { summary: d.summary } : {}) } },
            { type: 'ReportCaseLinked', data: { reportId, caseId: d.caseId } },
          ];
        }
        case 'dismiss': {
          if (!d.reason) throw ReportError.triageIncomplete('dismissing needs a reason');
          return [
            { type: 'ReportTriaged', data: { reportId, decision: 'dismiss', reason: d.reason } },
            { type: 'ReportClosed', data: { reportId, reason: 'dismissed' } },
          ];
        }
        default:
          return assertNever(d.decision);
      }
    }
    case 'LinkCase': {
      if (state.status !== 'received' && state.status !== 'under_review') return [];
      return [{ type: 'ReportCaseLinked', data: { reportId: state.id, caseId: command.data.caseId } }];
    }
    case 'RecordCaseResolved': {
      if (state.status !== 'case_opened' || state.caseId !== command.data.caseId) return [];
      return [{ type: 'ReportCaseResolved', data: { reportId: state.id, caseId: state.caseId } }];
    }
    case 'RecordCaseClosed': {
      if (state.status === 'none' || state.status === 'closed' || state.caseId !== command.data.caseId) return [];
      return [{ type: 'ReportClosed', data: { reportId: state.id, caseId: command.data.caseId, reason: 'case_closed' } }];
    }
    case 'RecordCaseReopened': {
      if ((state.status !== 'resolved' && state.status !== 'closed') || state.caseId !== command.data.caseId) return [];
      return [{ type: 'ReportCaseLinked', data: { reportId: state.id, caseId: command.data.caseId } }];
    }
    case 'RecordCaseDismissed': {
      if (state.status === 'none' || state.status === 'closed' || state.caseId !== command.data.caseId) return [];
      return [{ type: 'ReportClosed', data: { reportId: state.id, caseId: command.data.caseId, reason: 'dismissed' } }];
    }
    case 'RecordCaseMerged': {
      // The report follows its case into the case it was merged into.
      if (state.status !== 'case_opened' || state.caseId !== command.data.caseId) return [];
      return [{ type: 'ReportCaseLinked', data: { reportId: state.id, caseId: command.data.intoCaseId } }];
    }
    case 'GiveFeedback': {
      if (state.status !== 'resolved' || state.feedbackGiven) throw ReportError.feedbackNotOpen();
      const { solved, comment } = command.data;
      return [{ type: 'ReporterFeedbackGiven', data: { reportId: state.id, caseId: state.caseId, solved, ...(comment ? { comment } : {}) } }];
    }
    default:
      return assertNever(command);
  }
}
