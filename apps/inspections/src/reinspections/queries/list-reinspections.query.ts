import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@rectify/database';
import { type Page, PageQuery, pageSql, toPage } from '@rectify/http';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import type { Pool } from 'pg';

export class ListReinspectionsQuery extends PageQuery {
  @IsOptional()
  @IsIn(['requested', 'completed'])
  status?: 'requested' | 'completed';

  @IsOptional()
  @IsUUID()
  caseId?: string;
}

export interface ReinspectionItem {
  id: string;
  caseId: string;
  unitId: string;
  responsibleUnitId: string;
  category: string;
  purpose: string;
  mode: string;
  status: string;
  outcome: string | null;
  requestedAt: string;
}

@Injectable()
export class ListReinspections {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async run(query: ListReinspectionsQuery): Promise<Page<ReinspectionItem>> {
    const { rows } = await this.pool.query(
      `SELECT *, count(*) OVER () AS total FROM reinspection_tasks
        WHERE ($1::text IS NULL OR status = $1) AND ($2::uuid IS NULL OR case_id = $2)
        ORDER BY requested_at DESC, id ${pageSql(query)}`,
      [query.status ?? null, query.caseId ?? null],
    );
    return toPage(rows, query, (r) => ({
      id: r.id, caseId: r.case_id, unitId: r.unit_id, responsibleUnitId: r.responsible_unit_id, category: r.category,
      purpose: r.purpose, mode: r.mode, status: r.status, outcome: r.outcome, requestedAt: (r.requested_at as Date).toISOString(),
    }));
  }
}
