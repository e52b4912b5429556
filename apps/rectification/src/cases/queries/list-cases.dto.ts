import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { CASE_SOURCES, type CaseSourceKind, TAXONOMY_CODES, type TaxonomyCode } from '@rectify/contracts';
import { CASE_STATUSES, type CaseStatus } from '../domain/case.state';

export class ListCasesQuery {
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
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  @IsOptional()
  @IsIn(CASE_SOURCES)
  source?: CaseSourceKind;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page = 1;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize = 20;
}
