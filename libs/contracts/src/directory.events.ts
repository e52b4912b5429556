import { IsIn, IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { SEVERITIES, type Severity, TAXONOMY_CODES, type TaxonomyCode } from './taxonomy';

/**
 * Published on `gateway.events`: the org directory and the admin's settings, which the gateway
 * owns (DESIGN §2). Every domain service keeps a copy (libs/directory) so that it can refuse an
 * unknown unit, find a unit's superior, reach every unit, and apply the configured time limits
 * and thresholds without calling the gateway. Users are not published: no service needs them.
 */
export const DirectoryEventTypes = {
  UnitRegistered: 'UnitRegistered',
  UnitUpdated: 'UnitUpdated',
  TaxonomyLimitSet: 'TaxonomyLimitSet',
  ThresholdDefaultsSet: 'ThresholdDefaultsSet',
} as const;

/** The directory service's name on the bus: its topic is `gateway.events`. */
export const DIRECTORY_SERVICE = 'gateway';

export class UnitRegisteredV1 {
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  unitId: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  /** The superior unit (escalations go there); null for a top-level unit. */
  @IsOptional()
  @IsString()
  parentId: string | null;
}

/** The unit's name or place in the hierarchy changed; carries the whole new record. */
export class UnitUpdatedV1 extends UnitRegisteredV1 {}

/** The admin's severity and default time limit for one taxonomy code (DESIGN §3.1). */
export class TaxonomyLimitSetV1 {
  @IsIn(TAXONOMY_CODES)
  code: TaxonomyCode;

  @IsIn(SEVERITIES)
  severity: Severity;

  @IsInt()
  @Min(1)
  @Max(365)
  days: number;
}

/** DESIGN §3.4: unsatisfied above 30 %, or satisfied below 60 %, is a breach with at least 20 ballots. */
export const DEFAULT_THRESHOLDS: Readonly<{ unsatisfiedAbove: number; satisfiedBelow: number; minBallots: number }> = {
  unsatisfiedAbove: 0.3,
  satisfiedBelow: 0.6,
  minBallots: 20,
};

/** Default threshold rules for new evaluation campaigns (DESIGN §3.4); a campaign may override them. */
export class ThresholdDefaultsSetV1 {
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
  @Max(100_000)
  minBallots: number;
}
