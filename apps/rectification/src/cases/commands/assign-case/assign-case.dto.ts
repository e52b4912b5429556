import { IsISO8601, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/** POST /api/cases/:id/assign (DESIGN §6). */
export class AssignCaseDto {
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  responsibleUnitId: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  responsiblePerson: string;

  /** Absent: the taxonomy default by the case's severity (30/15/7 days from now). */
  @IsOptional()
  @IsISO8601({ strict: true })
  deadline?: string;
}
