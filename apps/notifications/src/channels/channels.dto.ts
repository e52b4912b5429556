import { ArrayMaxSize, IsArray, IsEmail, IsOptional, IsString, IsUrl, MinLength, ValidateIf } from 'class-validator';

/** PUT /api/units/:id/channels. A webhook needs its secret: every call is signed with it. */
export class UnitChannelsDto {
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  webhookUrl?: string;

  @ValidateIf((dto: UnitChannelsDto) => dto.webhookUrl !== undefined)
  @IsString()
  @MinLength(16)
  webhookSecret?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsEmail({}, { each: true })
  emails?: string[];
}
