import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsObject, IsOptional, IsString, IsUUID, MaxLength, Min, MinLength } from 'class-validator';
import { TAXONOMY_CODES, type TaxonomyCode } from './taxonomy';

/** Published on `inspections.events`. Versioned: never change a published shape, add a V2. */
export const InspectionsEventTypes = {
  InspectionPlanned: 'InspectionPlanned',
  SpotCheckSeedCommitted: 'SpotCheckSeedCommitted',
  SpotCheckDrawn: 'SpotCheckDrawn',
  VisitRecorded: 'VisitRecorded',
  FindingRecorded: 'FindingRecorded',
  InspectionDisclosed: 'InspectionDisclosed',
  ReinspectionRequested: 'ReinspectionRequested',
  ReinspectionCompleted: 'ReinspectionCompleted',
} as const;

export const INSPECTION_MODES = ['unannounced', 'announced'] as const;
export type InspectionMode = (typeof INSPECTION_MODES)[number];
export const INSPECTION_SCOPES = ['spot', 'comprehensive'] as const;
export type InspectionScope = (typeof INSPECTION_SCOPES)[number];

/**
 * What `inspections.events` carries for a new plan. A sealed (unannounced) plan publishes only
 * its id, mode, scope and `sealed: true`: targets, window, title, team and checklist stay in the
 * service's own log (ADR 005). An announced plan publishes them.
 */
export class InspectionPlannedV1 {
  @IsUUID()
  planId: string;

  @IsIn(INSPECTION_MODES)
  mode: InspectionMode;

  @IsIn(INSPECTION_SCOPES)
  scope: InspectionScope;

  @IsBoolean()
  sealed: boolean;

  @IsOptional()
  @IsString()
  title?: string;

  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  targetUnitIds?: string[];

  @IsOptional()
  window?: { from: string; to: string };

  @IsOptional()
  @IsArray()
  @IsIn(TAXONOMY_CODES, { each: true })
  checklist?: TaxonomyCode[];
}

/** The hash of a spot check's seed, recorded (and committed) before the draw is made. */
export class SpotCheckSeedCommittedV1 {
  @IsUUID()
  spotCheckId: string;

  /** Lower-case hex sha256 of the seed's UTF-8 bytes. */
  @IsString()
  seedHash: string;

  @IsString()
  algorithm: string;
}

/** The draw itself: everything needed to re-run it (seed, population snapshot, weights). */
export class SpotCheckDrawnV1 {
  @IsUUID()
  spotCheckId: string;

  @IsString()
  seed: string;

  @IsString()
  seedHash: string;

  @IsString()
  algorithm: string;

  @IsArray()
  @IsString({ each: true })
  population: string[];

  /** unitId → positive weight, for every unit of the population. */
  @IsObject()
  weights: Record<string, number>;

  @IsInt()
  @Min(1)
  sampleSize: number;

  @IsArray()
  @IsString({ each: true })
  selectedUnitIds: string[];
}

/** A visit to one target unit of a plan: published for analytics (mode, scope, dates). */
export class VisitRecordedV1 {
  @IsUUID()
  visitId: string;

  @IsUUID()
  planId: string;

  @IsString()
  unitId: string;

  @IsIn(INSPECTION_MODES)
  mode: InspectionMode;

  @IsIn(INSPECTION_SCOPES)
  scope: InspectionScope;

  @IsISO8601({ strict: true })
  arrivedAt: string;

  @IsArray()
  @IsString({ each: true })
  inspectorIds: string[];

  @IsOptional()
  onArrival?: { staffPresent: number; staffAbsent: number };

  @IsInt()
  compliantCount: number;

  @IsArray()
  @IsUUID('all', { each: true })
  findingIds: string[];
}

/** After an unannounced visit the plan is disclosed to the visited unit (notifications tells it). */
export class InspectionDisclosedV1 {
  @IsUUID()
  planId: string;

  @IsString()
  unitId: string;

  @IsUUID()
  visitId: string;

  @IsString()
  title: string;

  @IsIn(INSPECTION_MODES)
  mode: InspectionMode;

  @IsIn(INSPECTION_SCOPES)
  scope: InspectionScope;

  @IsISO8601({ strict: true })
  visitedAt: string;
}

/** A re-inspection task created from rectification's VerificationRequested. */
export class ReinspectionRequestedV1 {
  @IsUUID()
  reinspectionId: string;

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

  @IsIn(INSPECTION_MODES)
  mode: InspectionMode;
}

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
