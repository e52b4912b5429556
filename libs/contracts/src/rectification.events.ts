import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, MinLength } from 'class-validator';
import { SEVERITIES, type Severity, TAXONOMY_CODES, type TaxonomyCode } from './taxonomy';

/** Published on `rectification.events` (key = case id). */
export const RectificationEventTypes = {
  CaseOpened: 'CaseOpened',
  CaseAssigned: 'CaseAssigned',
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

  @IsIn(CASE_SOURCES)
  sourceKind: CaseSourceKind;

  @IsOptional()
  @IsString()
  sourceRef?: string | null;
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
