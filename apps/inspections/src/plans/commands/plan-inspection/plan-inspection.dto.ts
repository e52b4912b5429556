import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsISO8601, IsNotEmpty, IsString, MaxLength, ValidateNested } from 'class-validator';
import { INSPECTION_MODES, INSPECTION_SCOPES, type InspectionMode, type InspectionScope, TAXONOMY_CODES, type TaxonomyCode } from '@rectify/contracts';

export class PlanWindowDto {
  @IsISO8601({ strict: true })
  from: string;

  @IsISO8601({ strict: true })
  to: string;
}

export class PlanInspectionDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @IsIn(INSPECTION_MODES)
  mode: InspectionMode;

  @IsIn(INSPECTION_SCOPES)
  scope: InspectionScope;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  targetUnitIds: string[];

  @ValidateNested()
  @Type(() => PlanWindowDto)
  window: PlanWindowDto;

  /** User ids of the inspectors (the gateway owns users). */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  team: string[];

  @IsArray()
  @ArrayMinSize(1)
  @IsIn(TAXONOMY_CODES, { each: true })
  checklist: TaxonomyCode[];
}
