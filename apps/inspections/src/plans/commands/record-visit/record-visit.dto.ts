import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { TAXONOMY_CODES, type TaxonomyCode } from '@rectify/contracts';

export class OnArrivalDto {
  @IsInt()
  @Min(0)
  staffPresent: number;

  @IsInt()
  @Min(0)
  staffAbsent: number;
}

export class ObservationDto {
  @IsIn(TAXONOMY_CODES)
  category: TaxonomyCode;

  @IsBoolean()
  compliant: boolean;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;

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

export class RecordVisitDto {
  @IsString()
  @IsNotEmpty()
  unitId: string;

  @IsISO8601({ strict: true })
  arrivedAt: string;

  /** Who went besides the recording inspector (user ids). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  inspectorIds?: string[];

  @IsOptional()
  @ValidateNested()
  @Type(() => OnArrivalDto)
  onArrival?: OnArrivalDto;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ObservationDto)
  observations: ObservationDto[];
}
