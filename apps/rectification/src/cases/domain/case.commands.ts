import type { CaseSourceKind, Severity, TaxonomyCode } from '@rectify/contracts';

/** Time comes in on the command, so decide() stays deterministic and tests drive the clock. */
export interface CommandMetadata {
  now: string;
}

export type OpenCase = {
  type: 'OpenCase';
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
  metadata: CommandMetadata;
};

export type AssignCase = {
  type: 'AssignCase';
  data: { responsibleUnitId: string; responsiblePerson: string; deadline: string };
  metadata: CommandMetadata;
};

export type CaseCommand = OpenCase | AssignCase;
