import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { TAXONOMY_CODES, type TaxonomyCode } from '@rectify/contracts';

/**
 * POST /api/evaluations/reports/:id/triage. `open_case` needs the unit and category (from the
 * report or given here) and a summary for the case — written by the inspector, so no words of
 * the reporter are published; `merge` needs `caseId`; `dismiss` needs `reason`.
 */
export class TriageReportDto {
  @IsIn(['open_case', 'merge', 'dismiss'])
  decision: 'open_case' | 'merge' | 'dismiss';

  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  unitId?: string;

  @IsOptional()
  @IsIn(TAXONOMY_CODES)
  category?: TaxonomyCode;

  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  summary?: string;

  @IsOptional()
  @IsUUID()
  caseId?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason?: string;
}
