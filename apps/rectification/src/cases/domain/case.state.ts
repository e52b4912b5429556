import type { CaseSourceKind, Severity, TaxonomyCode } from '@rectify/contracts';

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

export interface Assignment {
  responsibleUnitId: string;
  responsiblePerson: string;
  deadline: string;
}

/** A state union keyed on `status`; JSON-safe (ISO strings) so it can be snapshotted. */
export type CaseState =
  | { status: 'none' }
  | ({ status: 'registered' } & CaseFacts)
  | ({ status: 'assigned' } & CaseFacts & Assignment);

export type CaseStatus = CaseState['status'];

export const initialCaseState = (): CaseState => ({ status: 'none' });
