import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';

/** A filter over the known units; every given criterion must hold. */
export class PopulationDto {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  unitIds?: string[];

  @IsOptional()
  @IsString()
  parentId?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  level?: number;
}

export const RISK_SIGNALS = ['cases_opened'] as const;

export class WeightsDto {
  /** Explicit weights per unit (default 1). */
  @IsOptional()
  @IsObject()
  byUnit?: Record<string, number>;

  /** Multiply each weight by (1 + signal), the signal read from consumed events. */
  @IsOptional()
  @IsIn(RISK_SIGNALS)
  risk?: (typeof RISK_SIGNALS)[number];
}

export class DrawSpotCheckDto {
  @ValidateNested()
  @Type(() => PopulationDto)
  population: PopulationDto;

  @IsInt()
  @Min(1)
  @Max(1000)
  sampleSize: number;

  @IsOptional()
  @ValidateNested()
  @Type(() => WeightsDto)
  weights?: WeightsDto;

  /** Given for a public draw (e.g. announced in advance); otherwise 32 random bytes, hex. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  seed?: string;
}
