import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

/** POST /api/evaluations/campaigns/:id/tokens (DESIGN §6). */
export class IssueTokensDto {
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  group: string;

  @IsInt()
  @Min(1)
  @Max(5000)
  count: number;
}

export class IssueTokensQuery {
  /** `csv` for printing on cards; the tokens are shown this once either way. */
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}
