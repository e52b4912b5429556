/** Closed vocabularies of DESIGN §3.2 and §6, shared by the domain and the DTOs. */
export const VERIFICATION_BASES = ['re_inspection', 'follow_up_poll', 'reporter_feedback', 'on_site_check'] as const;
export type VerificationBasis = (typeof VERIFICATION_BASES)[number];

export const VERIFICATION_OUTCOMES = ['passed', 'failed'] as const;
export type VerificationOutcome = (typeof VERIFICATION_OUTCOMES)[number];

export const ACCOUNTABILITY_MEASURES = [
  'criticism_education',
  'admonishment_talk',
  'written_self_criticism',
  'public_bulletin',
  'suspension',
  'post_waiting',
  'demotion',
  'dismissal',
  'ordered_resignation',
  'transfer_to_discipline_review',
] as const;
export type AccountabilityMeasure = (typeof ACCOUNTABILITY_MEASURES)[number];

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
