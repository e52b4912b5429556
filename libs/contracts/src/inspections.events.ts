import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { TAXONOMY_CODES, type TaxonomyCode } from './taxonomy';

/** Published on `inspections.events`. Versioned: never change a published shape, add a V2. */
export const InspectionsEventTypes = {
  FindingRecorded: 'FindingRecorded',
} as const;

export const FINDING_SOURCES = ['inspection_finding', 'spot_check_finding'] as const;

export class FindingRecordedV1 {
  @IsUUID()
  findingId: string;

  @IsString()
  @MinLength(1)
  unitId: string;

  @IsIn(TAXONOMY_CODES)
  category: TaxonomyCode;

  @IsString()
  @MaxLength(4000)
  note: string;

  @IsIn(FINDING_SOURCES)
  source: (typeof FINDING_SOURCES)[number];

  @IsOptional()
  @IsString()
  planId?: string;

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
