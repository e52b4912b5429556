import { IsOptional, IsString, MaxLength } from 'class-validator';

/** POST /api/cases/:id/close (DESIGN §6). */
export class CloseCaseDto {
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}
