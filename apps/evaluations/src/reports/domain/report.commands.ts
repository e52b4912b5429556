import type { ReportChannel, TaxonomyCode } from '@rectify/contracts';
import type { CommandMetadata } from '../../shared/command-metadata';

export type ReceiveReport = {
  type: 'ReceiveReport';
  data: { reportId: string; channel: ReportChannel; unitId?: string; category?: TaxonomyCode };
  metadata: CommandMetadata;
};

export type TriageReport = {
  type: 'TriageReport';
  data: {
    decision: 'open_case' | 'merge' | 'dismiss';
    unitId?: string;
    category?: TaxonomyCode;
    summary?: string;
    caseId?: string;
    reason?: string;
  };
  metadata: CommandMetadata;
};

/** From rectification's events: the case that follows the report opened, resolved, closed. */
export type LinkCase = { type: 'LinkCase'; data: { caseId: string }; metadata: CommandMetadata };
export type RecordCaseResolved = { type: 'RecordCaseResolved'; data: { caseId: string }; metadata: CommandMetadata };
export type RecordCaseClosed = { type: 'RecordCaseClosed'; data: { caseId: string }; metadata: CommandMetadata };
export type RecordCaseReopened = { type: 'RecordCaseReopened'; data: { caseId: string }; metadata: CommandMetadata };
export type RecordCaseDismissed = { type: 'RecordCaseDismissed'; data: { caseId: string }; metadata: CommandMetadata };
export type RecordCaseMerged = { type: 'RecordCaseMerged'; data: { caseId: string; intoCaseId: string }; metadata: CommandMetadata };

export type GiveFeedback = {
  type: 'GiveFeedback';
  data: { solved: boolean; comment?: string };
  metadata: CommandMetadata;
};

export type ReportCommand =
  | ReceiveReport
  | TriageReport
  | LinkCase
  | RecordCaseResolved
  | RecordCaseClosed
  | RecordCaseReopened
  | RecordCaseDismissed
  | RecordCaseMerged
  | GiveFeedback;
