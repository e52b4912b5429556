import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { type Rating, RATINGS } from '../../../campaigns/domain/rating-scale';

export class BallotRatingDto {
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  targetId: string;

  @IsIn(RATINGS)
  rating: Rating;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  comment?: string;
}

/** POST /api/public/ballots (DESIGN §6): no login; the token is the only credential. */
export class CastBallotDto {
  @IsString()
  @MinLength(16)
  @MaxLength(64)
  token: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => BallotRatingDto)
  ratings: BallotRatingDto[];
}
