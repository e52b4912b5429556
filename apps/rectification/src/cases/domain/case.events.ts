import type { CaseSourceKind, Severity, TaxonomyCode } from '@rectify/contracts';

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

export type CaseEvent = CaseOpened | CaseAssigned;

export const CASE_EVENT_SCHEMA_VERSION: Readonly<Record<CaseEvent['type'], number>> = {
  CaseOpened: 1,
  CaseAssigned: 1,
};
