import { IsBoolean, IsIn, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { TAXONOMY_CODES, type TaxonomyCode } from './taxonomy';

/** Published on `evaluations.events`. */
export const EvaluationsEventTypes = {
  ThresholdBreached: 'ThresholdBreached',
  ReportTriaged: 'ReportTriaged',
  ReporterFeedbackGiven: 'ReporterFeedbackGiven',
} as const;

/** A target (unit or cadre) in breach of a campaign's rules with enough ballots: opens a case. */
export class ThresholdBreachedV1 {
  @IsUUID()
  campaignId: string;

  @IsIn(['unit', 'cadre'])
  targetKind: 'unit' | 'cadre';

  @IsString()
  targetId: string;

  /** The unit the case is opened against (the cadre's unit for a cadre target). */
  @IsString()
  unitId: string;

  @IsNumber()
  @Min(0)
  @Max(1)
  unsatisfiedShare: number;

  @IsNumber()
  @Min(0)
  @Max(1)
  satisfiedShare: number;

  @IsNumber()
  ballots: number;

  /** In breach in the previous campaign too: flagged for organizational adjustment. */
  @IsBoolean()
  repeated: boolean;
}

export class ReportTriagedV1 {
  @IsUUID()
  reportId: string;

  @IsIn(['open_case', 'merge', 'dismiss'])
  decision: 'open_case' | 'merge' | 'dismiss';

  @IsOptional()
  @IsString()
  unitId?: string;

  @IsOptional()
  @IsIn(TAXONOMY_CODES)
  category?: TaxonomyCode;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  summary?: string;

  /** For `merge`: the open case the report joins. */
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @IsOptional()
  @IsString()
  reason?: string;
}

/** The reporter's word on a resolved case; `solved=false` sends it back to verification. */
export class ReporterFeedbackGivenV1 {
  @IsUUID()
  reportId: string;

  @IsUUID()
  caseId: string;

  @IsBoolean()
  solved: boolean;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}
