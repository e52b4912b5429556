import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
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
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { TARGET_KINDS, type TargetKind } from '@rectify/contracts';

export class CampaignTargetDto {
  @IsIn(TARGET_KINDS)
  kind: TargetKind;

  @IsString()
  @MinLength(1)
  @MaxLength(100)
  id: string;

  /** Required for a cadre (the unit a breach opens the case against); a unit is its own unit. */
  @ValidateIf((target: CampaignTargetDto) => target.kind === 'cadre' || target.unitId !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  unitId?: string;
}

export class RespondentGroupDto {
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1000)
  weight: number;
}

export class CampaignRulesDto {
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  unsatisfiedAbove?: number;

  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  satisfiedBelow?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  minBallots?: number;
}

/** POST /api/evaluations/campaigns (DESIGN §6). */
export class OpenCampaignDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => CampaignTargetDto)
  targets: CampaignTargetDto[];

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RespondentGroupDto)
  groups: RespondentGroupDto[];

  @IsISO8601({ strict: true })
  opensAt: string;

  @IsISO8601({ strict: true })
  closesAt: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => CampaignRulesDto)
  rules?: CampaignRulesDto;

  /** Makes this a follow-up poll of a case's unit (satisfaction before/after). */
  @IsOptional()
  @IsUUID()
  followUpOfCaseId?: string;
}
