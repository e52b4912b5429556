import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, Min } from 'class-validator';

/** GET /api/cases/:id/state: one of `version` or `asOf` (none: the current state). */
export class CaseStateQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;

  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
}
