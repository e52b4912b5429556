import { Body, Controller, Inject, Param, Put } from '@nestjs/common';
import type { Pool } from 'pg';
import { Roles } from '@rectify/auth';
import { PG_POOL } from '@rectify/database';
import { UnitChannelsDto } from './channels.dto';

/** Where a unit's notices go besides the console inbox. Admins set it; secrets never come back. */
@Controller('api/units')
export class ChannelsController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @Put(':id/channels')
  @Roles('admin')
  async set(@Param('id') unitId: string, @Body() dto: UnitChannelsDto) {
    await this.pool.query(
      `INSERT INTO unit_channels (unit_id, webhook_url, webhook_secret, emails, updated_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (unit_id) DO UPDATE SET webhook_url = $2, webhook_secret = $3, emails = $4, updated_at = now()`,
      [unitId, dto.webhookUrl ?? null, dto.webhookUrl ? dto.webhookSecret : null, dto.emails ?? []],
    );
    return { unitId, webhookUrl: dto.webhookUrl ?? null, emails: dto.emails ?? [] };
  }
}
