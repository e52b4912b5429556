import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, MinLength } from 'class-validator';
import { SEVERITIES, type Severity, TAXONOMY_CODES, type TaxonomyCode } from './taxonomy';

/** Published on `rectification.events` (key = case id). */
export const RectificationEventTypes = {
  CaseOpened: 'CaseOpened',
  CaseAssigned: 'CaseAssigned',
  VerificationRequested: 'VerificationRequested',
} as const;

export const CASE_SOURCES = ['inspection_finding', 'spot_check_finding', 'evaluation_breach', 'public_report', 'self_inspection', 'manual'] as const;
export type CaseSourceKind = (typeof CASE_SOURCES)[number];

export class CaseOpenedV1 {
  @IsUUID()
  caseId: string;

  @IsString()
  @MinLength(1)
  unitId: string;

  @IsIn(TAXONOMY_CODES)
  category: TaxonomyCode;

  @IsString()
  title: string;

  @IsIn(SEVERITIES)
  severity: Severity;

  @IsOptional()
  @IsString()
  description?: string;

  @IsOptional()
  source?: { kind: CaseSourceKind; ref: string | null };

  @IsOptional()
  cadreIds?: string[];
}

export class CaseAssignedV1 {
  @IsUUID()
  caseId: string;

  @IsString()
  @MinLength(1)
  responsibleUnitId: string;

  @IsString()
  responsiblePerson: string;

  @IsISO8601({ strict: true })
  deadline: string;
}

/**
 * Rectification asks for independent evidence: a re-inspection (inspections consumes this and
 * creates a task) when the department reports completion, or an unannounced look-back when a
 * resolved case's look-back date comes.
 */
export class VerificationRequestedV1 {
  @IsUUID()
  caseId: string;

  @IsString()
  unitId: string;

  @IsString()
  responsibleUnitId: string;

  @IsIn(TAXONOMY_CODES)
  category: TaxonomyCode;

  @IsIn(['verification', 'look_back'])
  purpose: 'verification' | 'look_back';

  @IsIn(['re_inspection', 'follow_up_poll', 'reporter_feedback', 'on_site_check'])
  basis: 're_inspection' | 'follow_up_poll' | 'reporter_feedback' | 'on_site_check';
}
