import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { TAXONOMY_CODES, type TaxonomyCode } from '@rectify/contracts';

/**
 * A finding recorded directly (the walking skeleton's entry point). Findings that come from a
 * planned visit are recorded by POST /api/inspections/plans/:id/visits.
 */
export class RecordFindingDto {
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  unitId: string;

  @IsIn(TAXONOMY_CODES)
  category: TaxonomyCode;

  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  note: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  evidence?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  cadreIds?: string[];
}
