import { IsBoolean, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/** POST /api/public/reports/:receiptCode/feedback (DESIGN §6). */
export class GiveFeedbackDto {
  @IsBoolean()
  solved: boolean;

  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  comment?: string;
}
