import { ACCOUNTABILITY_MEASURES, type AccountabilityMeasure } from '../../domain/case.vocabulary';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

/** POST /api/cases/:id/accountability (DESIGN §6). */
export class RecordAccountabilityDto {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  cadreId?: string;

  @IsIn(ACCOUNTABILITY_MEASURES)
  measure: AccountabilityMeasure;

  @IsString()
  @MaxLength(4000)
  note: string;
}
