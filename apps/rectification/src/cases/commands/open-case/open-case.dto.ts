import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { CASE_SOURCES, type CaseSourceKind, SEVERITIES, type Severity, TAXONOMY_CODES, type TaxonomyCode } from '@rectify/contracts';

export class CaseSourceDto {
  @IsIn(CASE_SOURCES)
  kind: CaseSourceKind;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  ref?: string;
}

/** POST /api/cases (DESIGN §6). */
export class OpenCaseDto {
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  unitId: string;

  @IsIn(TAXONOMY_CODES)
  category: TaxonomyCode;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @IsString()
  @MaxLength(10_000)
  description: string;

  @IsOptional()
  @IsIn(SEVERITIES)
  severity?: Severity;

  @ValidateNested()
  @Type(() => CaseSourceDto)
  source: CaseSourceDto;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  cadreIds?: string[];
}
