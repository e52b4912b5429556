import { IsString, MaxLength, MinLength } from 'class-validator';

/** POST /api/cases/:id/progress (DESIGN §6). */
export class ReportProgressDto {
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  note: string;
}
