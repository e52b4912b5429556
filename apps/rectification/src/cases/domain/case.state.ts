import type { CaseSourceKind, Severity, TaxonomyCode } from '@rectify/contracts';
import type { AccountabilityMeasure, Measure, VerificationBasis } from './case.vocabulary';

export interface CaseFacts {
  id: string;
  unitId: string;
  category: TaxonomyCode;
  title: string;
  description: string;
  severity: Severity;
  source: { kind: CaseSourceKind; ref: string | null };
  cadreIds: string[];
  openedAt: string;
  updatedAt: string;
}

/** What the case accumulates as it moves; flags (`overdue`, `escalated`) are set by events only. */
export interface CaseProgress {
  responsibleUnitId: string | null;
  responsiblePerson: string | null;
  deadline: string | null;
  overdue: boolean;
  escalated: boolean;
  returnCount: number;
  reopenCount: number;
  measures: Measure[];
  progressNotes: number;
  completionSummary: string | null;
  verifications: { outcome: 'passed' | 'failed'; basis: VerificationBasis; at: string }[];
  accountability: { cadreId: string | null; measure: AccountabilityMeasure; note: string }[];
  lookBackAt: string | null;
  lookBackRequested: boolean;
  dismissReason: string | null;
  mergedInto: string | null;
}

export const OPEN_STATUSES = ['registered', 'assigned', 'acknowledged', 'rectifying', 'reported', 'verifying'] as const;
export type OpenStatus = (typeof OPEN_STATUSES)[number];
export const CASE_STATUSES = [...OPEN_STATUSES, 'resolved', 'closed', 'dismissed', 'merged'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export type OpenedCase = { status: CaseStatus } & CaseFacts & CaseProgress;

/** A state union keyed on `status`; JSON-safe (ISO strings) so it can be snapshotted. */
export type CaseState = { status: 'none' } | OpenedCase;

export const isOpen = (status: CaseState['status']): status is OpenStatus => (OPEN_STATUSES as readonly string[]).includes(status);

export const initialCaseState = (): CaseState => ({ status: 'none' });
