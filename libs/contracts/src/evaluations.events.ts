import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { TAXONOMY_CODES, type TaxonomyCode } from './taxonomy';

/**
 * Published on `evaluations.events`. Everything the evaluations log holds is relayed, so no
 * event carries a token, a receipt code, a reporter's words or contact details, and no single
 * ballot is an event (ADR 006): ballots are aggregated when a campaign closes.
 */
export const EvaluationsEventTypes = {
  CampaignOpened: 'CampaignOpened',
  BallotTokensIssued: 'BallotTokensIssued',
  CampaignClosed: 'CampaignClosed',
  TargetRated: 'TargetRated',
  ThresholdBreached: 'ThresholdBreached',
  ReportReceived: 'ReportReceived',
  ReportTriaged: 'ReportTriaged',
  ReportCaseLinked: 'ReportCaseLinked',
  ReportCaseResolved: 'ReportCaseResolved',
  ReportClosed: 'ReportClosed',
  ReporterFeedbackGiven: 'ReporterFeedbackGiven',
} as const;

export const TARGET_KINDS = ['unit', 'cadre'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export const REPORT_CHANNELS = ['web', 'telephone', 'report_box'] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];

export class CampaignTargetV1 {
  @IsIn(TARGET_KINDS)
  kind: TargetKind;

  @IsString()
  id: string;

  /** The unit itself for a unit target; the cadre's unit for a cadre target. */
  @IsString()
  unitId: string;
}

export class RespondentGroupV1 {
  @IsString()
  name: string;

  @IsNumber()
  @Min(0)
  weight: number;
}

export class CampaignRulesV1 {
  @IsNumber()
  @Min(0)
  @Max(1)
  unsatisfiedAbove: number;

  @IsNumber()
  @Min(0)
  @Max(1)
  satisfiedBelow: number;

  @IsInt()
  @Min(1)
  minBallots: number;
}

export class CampaignOpenedV1 {
  @IsUUID()
  campaignId: string;

  @IsString()
  title: string;

  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => CampaignTargetV1)
  targets: CampaignTargetV1[];

  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => RespondentGroupV1)
  groups: RespondentGroupV1[];

  @IsISO8601({ strict: true })
  opensAt: string;

  @IsISO8601({ strict: true })
  closesAt: string;

  @ValidateNested()
  @Type(() => CampaignRulesV1)
  rules: CampaignRulesV1;

  /** A follow-up poll: the case whose unit it re-rates ("satisfaction before/after"). */
  @IsOptional()
  @IsUUID()
  followUpOfCaseId?: string;
}

/** How many tokens were issued for a group; the tokens themselves never leave the response. */
export class BallotTokensIssuedV1 {
  @IsUUID()
  campaignId: string;

  @IsString()
  group: string;

  @IsInt()
  @Min(1)
  count: number;
}

export class CampaignClosedV1 {
  @IsUUID()
  campaignId: string;

  /** Ballots cast in the whole campaign. */
  @IsInt()
  @Min(0)
  ballots: number;
}

/** One target's result, computed when its campaign closes. Shares are weighted by respondent group. */
export class TargetRatedV1 {
  @IsUUID()
  campaignId: string;

  @IsIn(TARGET_KINDS)
  targetKind: TargetKind;

  @IsString()
  targetId: string;

  @IsString()
  unitId: string;

  @IsInt()
  @Min(0)
  ballots: number;

  @IsNumber()
  @Min(0)
  @Max(1)
  satisfiedShare: number;

  @IsNumber()
  @Min(0)
  @Max(1)
  basicallySatisfiedShare: number;

  @IsNumber()
  @Min(0)
  @Max(1)
  unsatisfiedShare: number;

  @IsBoolean()
  breach: boolean;

  @IsBoolean()
  insufficientSample: boolean;

  /** 1 = highest satisfied share among targets with enough ballots; null without enough. */
  @IsOptional()
  @IsInt()
  @Min(1)
  rank: number | null;

  /** In breach in this and the previous campaign that rated the target. */
  @IsBoolean()
  repeated: boolean;

  /**
   * Copied from the campaign's CampaignOpened: set when the campaign is a follow-up poll of a
   * case, so the result can decide that case's verification without the campaign's opening.
   * Added as an optional field (schemaVersion stays 1): older events simply lack it.
   */
  @IsOptional()
  @IsUUID()
  followUpOfCaseId?: string;
}

/** A public report arrived. Its text and any contact details stay in the service's own tables. */
export class ReportReceivedV1 {
  @IsUUID()
  reportId: string;

  @IsIn(REPORT_CHANNELS)
  channel: ReportChannel;

  @IsOptional()
  @IsString()
  unitId?: string;

  @IsOptional()
  @IsIn(TAXONOMY_CODES)
  category?: TaxonomyCode;
}

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

/** The case that follows a report: opened from it, or the case it was merged into. */
export class ReportCaseLinkedV1 {
  @IsUUID()
  reportId: string;

  @IsUUID()
  caseId: string;
}

/** The report's case was resolved: the reporter may now say whether the problem was solved. */
export class ReportCaseResolvedV1 {
  @IsUUID()
  reportId: string;

  @IsUUID()
  caseId: string;
}

/** The report is closed: dismissed at triage, or its case closed. */
export class ReportClosedV1 {
  @IsUUID()
  reportId: string;

  @IsOptional()
  @IsUUID()
  caseId?: string;

  @IsIn(['dismissed', 'case_closed'])
  reason: 'dismissed' | 'case_closed';
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
