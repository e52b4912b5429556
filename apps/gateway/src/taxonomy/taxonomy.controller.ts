import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@rectify/auth';
import { defaultDays, TAXONOMY } from '@rectify/contracts';

@ApiTags('taxonomy')
@Controller('api/taxonomy')
export class TaxonomyController {
  // Public: the public complaint form offers the categories before anyone logs in.
  @Public()
  @Get()
  list() {
    return { items: TAXONOMY.map(({ code, label, severity }) => ({ code, label, severity, days: defaultDays(code) })) };
  }
}
