import { Controller, Get, HttpCode, Inject, NotFoundException, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { IsIn, IsOptional } from 'class-validator';
import type { Pool } from 'pg';
import { Roles } from '@rectify/auth';
import { PG_POOL } from '@rectify/database';
import { PageQuery, pageSql, toPage } from '@rectify/http';

export class ListDeliveriesQuery extends PageQuery {
  @IsOptional()
  @IsIn(['pending', 'delivered', 'dead'])
  status?: 'pending' | 'delivered' | 'dead';
}

/** Admins see deliveries (dead letters above all) with their attempts, and can send one again. */
@Controller('api/notices/deliveries')
@Roles('admin')
export class DeliveriesController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @Get()
  async list(@Query() query: ListDeliveriesQuery) {
    const { rows } = await this.pool.query(
      `SELECT d.*, count(*) OVER () AS total,
              (SELECT json_agg(json_build_object('attempt', a.attempt, 'at', a.at, 'ok', a.ok, 'detail', a.detail) ORDER BY a.id)
                 FROM delivery_attempts a WHERE a.delivery_id = d.id) AS history
         FROM deliveries d ${query.status ? 'WHERE d.status = $1' : ''}
        ORDER BY d.created_at DESC, d.id ${pageSql(query)}`,
      query.status ? [query.status] : [],
    );
    return toPage(rows, query, (row) => ({
      id: row.id,
      noticeId: row.notice_id,
      channel: row.channel,
      target: row.target,
      status: row.status,
      attempts: row.attempts,
      lastError: row.last_error,
      deliveredAt: row.delivered_at?.toISOString() ?? null,
      history: row.history ?? [],
    }));
  }

  /** A dead (or delivered) delivery goes back on the schedule with a fresh count of tries. */
  @Post(':id/resend')
  @HttpCode(202)
  async resend(@Param('id', ParseUUIDPipe) id: string) {
    const { rowCount } = await this.pool.query(
      `UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = now(), locked_until = NULL WHERE id = $1`,
      [id],
    );
    if (rowCount === 0) throw new NotFoundException(`delivery ${id} does not exist`);
    return { id, status: 'pending' };
  }
}
