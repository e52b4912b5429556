import { VERIFICATION_BASES, VERIFICATION_OUTCOMES, type VerificationBasis, type VerificationOutcome } from '../../domain/case.vocabulary';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';

/** POST /api/cases/:id/verify (DESIGN §6). */
export class VerifyCaseDto {
  @IsIn(VERIFICATION_OUTCOMES)
  outcome: VerificationOutcome;

  @IsIn(VERIFICATION_BASES)
  basis: VerificationBasis;

  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  note: string;
}
