import { IsString, MaxLength, MinLength } from 'class-validator';

/** POST /api/cases/:id/dismiss (DESIGN §6). */
export class DismissCaseDto {
  @IsString()
  @MinLength(3)
  @MaxLength(4000)
  reason: string;
}
