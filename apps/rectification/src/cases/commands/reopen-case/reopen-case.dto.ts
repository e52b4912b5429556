import { IsString, MaxLength, MinLength } from 'class-validator';

/** POST /api/cases/:id/reopen (DESIGN §6). */
export class ReopenCaseDto {
  @IsString()
  @MinLength(3)
  @MaxLength(4000)
  reason: string;
}
