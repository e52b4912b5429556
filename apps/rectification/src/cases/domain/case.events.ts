import type { CaseSourceKind, Severity, TaxonomyCode } from '@rectify/contracts';
import type { AccountabilityMeasure, EscalationReason, Measure, VerificationBasis } from './case.vocabulary';

/** The case's own events as stored in rectification's log (explicit, past-tense type names). */
export type CaseOpened = {
  type: 'CaseOpened';
  data: {
    caseId: string;
    unitId: string;
    category: TaxonomyCode;
    title: string;
    description: string;
    severity: Severity;
    source: { kind: CaseSourceKind; ref: string | null };
    cadreIds: string[];
  };
};

export type CaseAssigned = {
  type: 'CaseAssigned';
  data: { caseId: string; responsibleUnitId: string; responsiblePerson: string; deadline: string };
};

type Ev<T extends string, D> = { type: T; data: { caseId: string } & D };

export type CaseAcknowledged = Ev<'CaseAcknowledged', { acknowledgedBy: string }>;
export type MeasuresSubmitted = Ev<'MeasuresSubmitted', { measures: Measure[] }>;
export type ProgressReported = Ev<'ProgressReported', { note: string }>;
export type RectificationReported = Ev<'RectificationReported', { summary: string }>;
export type VerificationRequested = Ev<
  'VerificationRequested',
  { unitId: string; responsibleUnitId: string; category: TaxonomyCode; purpose: 'verification' | 'look_back'; basis: VerificationBasis }
>;
type Verdict = { basis: VerificationBasis; note: string; verifierId: string; verifierUnitId: string | null };
export type VerificationPassed = Ev<'VerificationPassed', Verdict>;
export type VerificationFailed = Ev<'VerificationFailed', Verdict & { returnCount: number }>;
export type DeadlineExtended = Ev<'DeadlineExtended', { previousDeadline: string; deadline: string; reason: string }>;
export type CaseOverdue = Ev<'CaseOverdue', { deadline: string; unitId: string; responsibleUnitId: string }>;
export type CaseEscalated = Ev<'CaseEscalated', { reason: EscalationReason; unitId: string; responsibleUnitId: string; to: string[] }>;
export type AccountabilityRecorded = Ev<'AccountabilityRecorded', { cadreId: string | null; measure: AccountabilityMeasure; note: string }>;
export type CaseResolved = Ev<'CaseResolved', { unitId: string; responsibleUnitId: string }>;
export type LookBackScheduled = Ev<'LookBackScheduled', { lookBackAt: string }>;
export type CaseClosed = Ev<'CaseClosed', { note: string | null }>;
export type CaseReopened = Ev<'CaseReopened', { reason: string; reopenCount: number; deadline: string }>;
export type CaseDismissed = Ev<'CaseDismissed', { reason: string }>;
export type CaseMerged = Ev<'CaseMerged', { intoCaseId: string }>;
export type CaseBulletinPublished = Ev<'CaseBulletinPublished', { unitId: string; title: string; summary: string }>;

export type CaseEvent =
  | CaseOpened
  | CaseAssigned
  | CaseAcknowledged
  | MeasuresSubmitted
  | ProgressReported
  | RectificationReported
  | VerificationRequested
  | VerificationPassed
  | VerificationFailed
  | DeadlineExtended
  | CaseOverdue
  | CaseEscalated
  | AccountabilityRecorded
  | CaseResolved
  | LookBackScheduled
  | CaseClosed
  | CaseReopened
  | CaseDismissed
  | CaseMerged
  | CaseBulletinPublished;

export type CaseEventType = CaseEvent['type'];

export const CASE_EVENT_SCHEMA_VERSION: Readonly<Record<CaseEventType, number>> = {
  CaseOpened: 1,
  CaseAssigned: 1,
  CaseAcknowledged: 1,
  MeasuresSubmitted: 1,
  ProgressReported: 1,
  RectificationReported: 1,
  VerificationRequested: 1,
  VerificationPassed: 1,
  VerificationFailed: 1,
  DeadlineExtended: 1,
  CaseOverdue: 1,
  CaseEscalated: 1,
  AccountabilityRecorded: 1,
  CaseResolved: 1,
  LookBackScheduled: 1,
  CaseClosed: 1,
  CaseReopened: 1,
  CaseDismissed: 1,
  CaseMerged: 1,
  CaseBulletinPublished: 1,
};
