import { Body, Controller, Get, Param, ParseEnumPipe, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, Public, Roles } from '@rectify/auth';
import { TAXONOMY_CODES, type TaxonomyCode } from '@rectify/contracts';
import { invalidField } from './directory.errors';
import { TaxonomyLimitDto, ThresholdsDto } from './directory.dto';
import { SettingsService } from './settings.service';

const TAXONOMY_CODE = new ParseEnumPipe(Object.fromEntries(TAXONOMY_CODES.map((c) => [c, c])), {
  exceptionFactory: () => invalidCode(),
});

function invalidCode() {
  return invalidField('code', `must be one of ${TAXONOMY_CODES.join(', ')}`);
}

@ApiTags('taxonomy')
@Controller('api/taxonomy')
export class TaxonomyController {
  constructor(private readonly settings: SettingsService) {}

  // Public: the public complaint form offers the categories before anyone logs in.
  @Public()
  @Get()
  async list() {
    return { items: await this.settings.taxonomy() };
  }

  @Put(':code')
  @Roles('admin')
  set(@Param('code', TAXONOMY_CODE) code: TaxonomyCode, @Body() dto: TaxonomyLimitDto, @CurrentUser() user: AuthUser) {
    return this.settings.setTaxonomy(code, dto, user);
  }
}

@ApiTags('settings')
@Controller('api/settings/thresholds')
export class ThresholdsController {
  constructor(private readonly settings: SettingsService) {}

  @Get()
  @Roles('admin', 'inspector', 'analyst')
  get() {
    return this.settings.thresholds();
  }

  @Put()
  @Roles('admin')
  set(@Body() dto: ThresholdsDto, @CurrentUser() user: AuthUser) {
    return this.settings.setThresholds(dto, user);
  }
}
