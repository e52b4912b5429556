import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsISO8601, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';

export class MeasureDto {
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  description: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  owner: string;

  @IsISO8601({ strict: true })
  dueDate: string;
}

/** POST /api/cases/:id/measures (DESIGN §6). */
export class SubmitMeasuresDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MeasureDto)
  measures: MeasureDto[];
}
