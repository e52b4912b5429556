/** Closed vocabularies of DESIGN §3.2 and §6, shared by the domain and the DTOs. */
// The published vocabularies are the contracts'; the domain speaks the same words.
import { ACCOUNTABILITY_MEASURES, type AccountabilityMeasureV1, VERIFICATION_BASES, type VerificationBasisV1 } from '@rectify/contracts';

export { ACCOUNTABILITY_MEASURES, VERIFICATION_BASES };
export type VerificationBasis = VerificationBasisV1;
export type AccountabilityMeasure = AccountabilityMeasureV1;

export const VERIFICATION_OUTCOMES = ['passed', 'failed'] as const;
export type VerificationOutcome = (typeof VERIFICATION_OUTCOMES)[number];

export interface Measure {
  description: string;
  owner: string;
  dueDate: string;
}

export const ESCALATION_REASONS = ['overdue', 'repeated_verification_failure'] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];

/** The independent evidence the case's source calls for (DESIGN §3.2). */
export function evidenceBasisFor(sourceKind: string): VerificationBasis {
  switch (sourceKind) {
    case 'inspection_finding':
    case 'spot_check_finding':
      return 're_inspection';
    case 'evaluation_breach':
      return 'follow_up_poll';
    case 'public_report':
      return 'reporter_feedback';
    default:
      return 'on_site_check';
  }
}

export const DAY_MS = 86_400_000;
