import { randomUUID } from 'node:crypto';
import { Controller, Get, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import type { Pool } from 'pg';
import { type AuthUser, CurrentUser, Roles } from '@rectify/auth';
import { PG_POOL } from '@rectify/database';
import { PgEventStore } from '@rectify/event-store';
import { pageSql, REQUEST_ID_HEADER, toPage } from '@rectify/http';
import { acknowledgeNotice } from './acknowledge-notice';
import { ListNoticesQuery } from './list-notices.dto';

interface NoticeRow {
  id: string;
  type: string;
  unit_id: string;
  case_id: string | null;
  title: string;
  created_at: Date;
  acknowledged_at: Date | null;
  total: string;
}

@Controller('api/notices')
export class NoticesController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly store: PgEventStore,
  ) {}

  /** The receiving department (or a commission member for it) confirms it has the notice. */
  @Post(':id/acknowledge')
  @HttpCode(200)
  @Roles('department', 'inspector', 'admin')
  acknowledge(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser, @Headers(REQUEST_ID_HEADER) requestId?: string) {
    return acknowledgeNotice(this.store, id, user, requestId ?? randomUUID());
  }

  /** A department sees its own unit's notices only; commission roles see every unit's. */
  @Get()
  async list(@Query() query: ListNoticesQuery, @CurrentUser() user: AuthUser) {
    const where: string[] = [];
    const values: unknown[] = [];
    const param = (value: unknown) => `$${values.push(value)}`;
    if (user.role === 'department') where.push(`unit_id = ${param(user.unitId)}`);
    if (query.type) where.push(`type = ${param(query.type)}`);
    if (query.unread === true) where.push('acknowledged_at IS NULL');
    if (query.unread === false) where.push('acknowledged_at IS NOT NULL');
    const { rows } = await this.pool.query<NoticeRow>(
      `SELECT *, count(*) OVER () AS total FROM notices ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY created_at DESC, id ${pageSql(query)}`,
      values,
    );
    return toPage(rows, query, (row) => ({
      id: row.id,
      type: row.type,
      unitId: row.unit_id,
      caseId: row.case_id ?? undefined,
      title: row.title,
      createdAt: row.created_at.toISOString(),
      acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
    }));
  }
}
