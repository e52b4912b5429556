import type { CaseSourceKind, Severity, TaxonomyCode } from '@rectify/contracts';
import type { CommandContext } from '../../case-repository';

export interface OpenCaseInput {
  unitId: string;
  category: TaxonomyCode;
  title: string;
  description: string;
  severity?: Severity;
  source: { kind: CaseSourceKind; ref?: string | null };
  cadreIds?: string[];
  /** Sourced cases are assigned to the unit at once, with the taxonomy's default deadline. */
  assignToUnit?: boolean;
}

export class OpenCaseCommand {
  constructor(
    readonly input: OpenCaseInput,
    readonly now: Date,
    readonly context: CommandContext,
  ) {}
}
