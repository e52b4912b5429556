import { IsString, MaxLength, MinLength } from 'class-validator';

/** POST /api/cases/:id/bulletin: publish the case as a typical case to every unit. */
export class PublishBulletinDto {
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  summary: string;
}
