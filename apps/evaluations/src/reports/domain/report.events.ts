import type {
  ReportCaseLinkedV1,
  ReportCaseResolvedV1,
  ReportClosedV1,
  ReportReceivedV1,
  ReporterFeedbackGivenV1,
  ReportTriagedV1,
} from '@rectify/contracts';

/** A report stream's events: ids, channel, unit, category and decisions only — never its text. */
export type ReportReceived = { type: 'ReportReceived'; data: ReportReceivedV1 };
export type ReportTriaged = { type: 'ReportTriaged'; data: ReportTriagedV1 };
export type ReportCaseLinked = { type: 'ReportCaseLinked'; data: ReportCaseLinkedV1 };
export type ReportCaseResolved = { type: 'ReportCaseResolved'; data: ReportCaseResolvedV1 };
export type ReportClosed = { type: 'ReportClosed'; data: ReportClosedV1 };
export type ReporterFeedbackGiven = { type: 'ReporterFeedbackGiven'; data: ReporterFeedbackGivenV1 };

export type ReportEvent = ReportReceived | ReportTriaged | ReportCaseLinked | ReportCaseResolved | ReportClosed | ReporterFeedbackGiven;

export const REPORT_EVENT_SCHEMA_VERSION: Readonly<Record<ReportEvent['type'], number>> = {
  ReportReceived: 1,
  ReportTriaged: 1,
  ReportCaseLinked: 1,
  ReportCaseResolved: 1,
  ReportClosed: 1,
  ReporterFeedbackGiven: 1,
};
