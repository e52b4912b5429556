import { IsBoolean, IsIn, IsOptional, IsString } from 'class-validator';
import { CASE_SOURCES, type CaseSourceKind, TAXONOMY_CODES, type TaxonomyCode } from '@rectify/contracts';
import { PageQuery, QueryBoolean } from '@rectify/http';
import { CASE_STATUSES, type CaseStatus } from '../domain/case.state';

export class ListCasesQuery extends PageQuery {
  @IsOptional()
  @IsString()
  unitId?: string;

  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;

  @IsOptional()
  @IsIn(TAXONOMY_CODES)
  category?: TaxonomyCode;

  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  overdue?: boolean;

  @IsOptional()
  @IsIn(CASE_SOURCES)
  source?: CaseSourceKind;
}
