import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { REINSPECTION_OUTCOMES, type ReinspectionOutcome } from '@rectify/contracts';

export class RecordResultDto {
  @IsIn(REINSPECTION_OUTCOMES)
  outcome: ReinspectionOutcome;

  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  note: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  evidence?: string[];
}
