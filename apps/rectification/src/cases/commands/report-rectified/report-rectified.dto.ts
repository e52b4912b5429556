import { IsString, MaxLength, MinLength } from 'class-validator';

/** POST /api/cases/:id/report-rectified (DESIGN §6). */
export class ReportRectifiedDto {
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  summary: string;
}
