import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { TAXONOMY_CODES, type TaxonomyCode } from './taxonomy';

/** Published on `inspections.events`. Versioned: never change a published shape, add a V2. */
export const InspectionsEventTypes = {
  FindingRecorded: 'FindingRecorded',
  ReinspectionCompleted: 'ReinspectionCompleted',
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
  @IsString()
  visitId?: string;

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

export const REINSPECTION_OUTCOMES = ['resolved', 'persists'] as const;
export type ReinspectionOutcome = (typeof REINSPECTION_OUTCOMES)[number];

/** The outcome of a re-inspection (or an unannounced look-back) of a case's unit: drives verification. */
export class ReinspectionCompletedV1 {
  @IsUUID()
  reinspectionId: string;

  @IsUUID()
  caseId: string;

  @IsString()
  unitId: string;

  @IsIn(REINSPECTION_OUTCOMES)
  outcome: ReinspectionOutcome;

  @IsIn(['verification', 'look_back'])
  purpose: 'verification' | 'look_back';

  @IsString()
  @MaxLength(4000)
  note: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  evidence?: string[];

  /** The re-inspector (never from the responsible unit) and their unit, for the case timeline. */
  @IsString()
  inspectorId: string;

  @IsOptional()
  @IsString()
  inspectorUnitId?: string | null;
}
