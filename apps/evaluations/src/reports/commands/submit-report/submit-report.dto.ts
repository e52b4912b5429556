import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { REPORT_CHANNELS, type ReportChannel, TAXONOMY_CODES, type TaxonomyCode } from '@rectify/contracts';

/** POST /api/public/reports (DESIGN §6): no login, no contact data required. */
export class SubmitReportDto {
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  description: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  unitId?: string;

  @IsOptional()
  @IsIn(TAXONOMY_CODES)
  category?: TaxonomyCode;

  @IsIn(REPORT_CHANNELS)
  channel: ReportChannel;

  /** Optional; stored encrypted and shown to inspectors only. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  contact?: string;
}
