import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@rectify/database';
import type { AuthUser } from '@rectify/auth';
import { type Page, type PageQuery, pageSql, toPage } from '@rectify/http';
import type { Pool } from 'pg';

/** The audit of DESIGN §3.3: every read of a sealed plan, by whom and when. */
@Injectable()
export class SealedPlanReads {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async record(planIds: string[], user: AuthUser, endpoint: string): Promise<void> {
    if (planIds.length === 0) return;
    await this.pool.query(
      `INSERT INTO sealed_plan_reads (plan_id, user_id, username, role, endpoint)
       SELECT unnest($1::uuid[]), $2, $3, $4, $5`,
      [planIds, user.id, user.username, user.role, endpoint],
    );
  }

  async list(query: PageQuery & { planId?: string }): Promise<Page<{ planId: string; userId: string; username: string; role: string; endpoint: string; readAt: string }>> {
    const { rows } = await this.pool.query(
      `SELECT plan_id, user_id, username, role, endpoint, read_at, count(*) OVER () AS total FROM sealed_plan_reads
        WHERE ($1::uuid IS NULL OR plan_id = $1) ORDER BY id DESC ${pageSql(query)}`,
      [query.planId ?? null],
    );
    return toPage(rows, query, (r) => ({
      planId: r.plan_id, userId: r.user_id, username: r.username, role: r.role, endpoint: r.endpoint, readAt: (r.read_at as Date).toISOString(),
    }));
  }
}
