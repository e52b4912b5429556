import type { CaseSourceKind, Severity, TaxonomyCode } from '@rectify/contracts';
import type { AccountabilityMeasure, Measure, VerificationBasis, VerificationOutcome } from './case.vocabulary';

/** Time comes in on the command, so decide() stays deterministic and tests drive the clock. */
export interface CommandMetadata {
  now: string;
}

/** Who issues the command, as far as the rules care (a verifier's unit must not be responsible). */
export interface CommandActor {
  id: string;
  role: string;
  unitId: string | null;
}

type Cmd<T extends string, D> = { type: T; data: D; metadata: CommandMetadata };

export type OpenCase = Cmd<
  'OpenCase',
  {
    caseId: string;
    unitId: string;
    category: TaxonomyCode;
    title: string;
    description: string;
    severity: Severity;
    source: { kind: CaseSourceKind; ref: string | null };
    cadreIds: string[];
  }
>;
export type AssignCase = Cmd<'AssignCase', { responsibleUnitId: string; responsiblePerson: string; deadline: string }>;
export type AcknowledgeCase = Cmd<'AcknowledgeCase', { by: CommandActor }>;
export type SubmitMeasures = Cmd<'SubmitMeasures', { measures: Measure[] }>;
export type ReportProgress = Cmd<'ReportProgress', { note: string }>;
export type ReportRectified = Cmd<'ReportRectified', { summary: string }>;
/** `lookBackDays`: how long after a pass the unannounced look-back comes (configured, default 90). */
export type VerifyCase = Cmd<'VerifyCase', { outcome: VerificationOutcome; basis: VerificationBasis; note: string; verifier: CommandActor; lookBackDays: number }>;
/** Evidence arrived after resolution that the problem is not solved (e.g. a reporter says so). */
export type RequestReverification = Cmd<'RequestReverification', { basis: VerificationBasis }>;
export type ExtendDeadline = Cmd<'ExtendDeadline', { deadline: string; reason: string }>;
/** Run by the deadline watcher once `now` is past the deadline. */
export type MarkOverdue = Cmd<'MarkOverdue', Record<string, never>>;
/** Run by the deadline watcher once `now` is past the look-back date. */
export type RequestLookBack = Cmd<'RequestLookBack', Record<string, never>>;
export type RecordAccountability = Cmd<'RecordAccountability', { cadreId: string | null; measure: AccountabilityMeasure; note: string }>;
export type CloseCase = Cmd<'CloseCase', { note: string | null }>;
/** `deadline` is the fresh time limit the reopened rectification gets (the handler's taxonomy default). */
export type ReopenCase = Cmd<'ReopenCase', { reason: string; deadline: string }>;
export type DismissCase = Cmd<'DismissCase', { reason: string }>;
/** `into` is the target case's status as loaded by the handler: it must be another open case. */
/** A typical case made public: every unit gets the bulletin (DESIGN §3.5). */
export type PublishBulletin = Cmd<'PublishBulletin', { summary: string }>;
export type MergeCase = Cmd<'MergeCase', { intoCaseId: string; into: { status: string } }>;

export type CaseCommand =
  | OpenCase
  | AssignCase
  | AcknowledgeCase
  | SubmitMeasures
  | ReportProgress
  | ReportRectified
  | VerifyCase
  | RequestReverification
  | ExtendDeadline
  | MarkOverdue
  | RequestLookBack
  | RecordAccountability
  | CloseCase
  | ReopenCase
  | DismissCase
  | MergeCase
  | PublishBulletin;

export type CaseCommandType = CaseCommand['type'];
