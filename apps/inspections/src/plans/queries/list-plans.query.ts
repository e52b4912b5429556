import { Inject, Injectable } from '@nestjs/common';
import type { AuthUser } from '@rectify/auth';
import { PG_POOL } from '@rectify/database';
import { type Page, PageQuery, pageSql, toPage } from '@rectify/http';
import { IsIn, IsOptional } from 'class-validator';
import { INSPECTION_MODES, type InspectionMode } from '@rectify/contracts';
import type { Pool } from 'pg';

export class ListPlansQuery extends PageQuery {
  @IsOptional()
  @IsIn(INSPECTION_MODES)
  mode?: InspectionMode;
}

export interface PlanListItem {
  id: string;
  title: string;
  mode: string;
  scope: string;
  status: string;
  sealed: boolean;
  targetUnitIds: string[];
  plannedAt: string;
}

const SEALED = `(mode = 'unannounced' AND status <> 'completed')`;

/**
 * The list shows a caller only what GET /plans/:id would show them (plan-access.ts): sealed
 * plans to their team and admins, and to a department only plans announced or disclosed to it.
 */
@Injectable()
export class ListPlans {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async run(query: ListPlansQuery, user: AuthUser): Promise<Page<PlanListItem>> {
    const visible = `CASE $4::text
      WHEN 'admin' THEN TRUE
      WHEN 'department' THEN $1::text = ANY(target_unit_ids) AND (mode = 'announced' OR $1::text = ANY(disclosed_unit_ids))
      ELSE NOT ${SEALED} OR $2::text = ANY(team) END`;
    const { rows } = await this.pool.query(
      `SELECT id, title, mode, scope, status, target_unit_ids, planned_at, ${SEALED} AS sealed, count(*) OVER () AS total
         FROM plan_list WHERE (${visible}) AND ($3::text IS NULL OR mode = $3) ORDER BY planned_at DESC, id ${pageSql(query)}`,
      [user.unitId ?? '', user.id, query.mode ?? null, user.role],
    );
    return toPage(rows, query, (r) => ({
      id: r.id,
      title: r.title,
      mode: r.mode,
      scope: r.scope,
      status: r.status,
      sealed: r.sealed,
      targetUnitIds: user.role === 'department' ? [user.unitId ?? ''] : r.target_unit_ids,
      plannedAt: (r.planned_at as Date).toISOString(),
    }));
  }
}
