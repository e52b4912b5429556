import { IsISO8601, IsString, MaxLength, MinLength } from 'class-validator';

/** POST /api/cases/:id/extend-deadline (DESIGN §6). */
export class ExtendDeadlineDto {
  @IsISO8601({ strict: true })
  deadline: string;

  /** An extension is never silent: it needs a reason, shown on the timeline. */
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason: string;
}
