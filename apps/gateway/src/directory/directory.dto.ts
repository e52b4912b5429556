import { IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { ROLES, type Role } from '@rectify/auth';
import { SEVERITIES, type Severity } from '@rectify/contracts';

// Unit ids are slugs other services and URLs carry (`unit-a`, `county`).
const UNIT_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;

export class CreateUnitDto {
  @IsString()
  @Matches(UNIT_ID, { message: 'id must be a lowercase slug (letters, digits, hyphens; at most 63)' })
  id: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  /** The superior unit; omitted or null for a top-level unit. */
  @IsOptional()
  @IsString()
  parentId?: string | null;
}

export class UpdateUnitDto {
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ValidateIf((_o, value) => value !== null && value !== undefined)
  @IsString()
  parentId?: string | null;
}

export class CreateUserDto {
  @IsString()
  @Matches(USERNAME, { message: 'username must be 2–64 lowercase letters, digits, dots, hyphens or underscores' })
  username: string;

  // bcrypt reads at most 72 bytes.
  @IsString()
  @MinLength(8)
  @MaxLength(72)
  password: string;

  @IsIn(ROLES)
  role: Role;

  @ValidateIf((_o, value) => value !== null && value !== undefined)
  @IsString()
  unitId?: string | null;
}

export class UpdateUserDto {
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ValidateIf((_o, value) => value !== null && value !== undefined)
  @IsString()
  unitId?: string | null;
}

export class ResetPasswordDto {
  @IsString()
  @MinLength(8)
  @MaxLength(72)
  password: string;
}

export class TaxonomyLimitDto {
  @IsIn(SEVERITIES)
  severity: Severity;

  @IsInt()
  @Min(1)
  @Max(365)
  days: number;
}

export class ThresholdsDto {
  @IsNumber()
  @Min(0)
  @Max(1)
  unsatisfiedAbove: number;

  @IsNumber()
  @Min(0)
  @Max(1)
  satisfiedBelow: number;

  @IsInt()
  @Min(1)
  @Max(100_000)
  minBallots: number;
}
