import { Inject, Injectable } from '@nestjs/common';
import { IsIn, IsOptional, IsString } from 'class-validator';
import type { Pool } from 'pg';
import { PG_POOL } from '@rectify/database';
import { PageQuery, pageSql, toPage } from '@rectify/http';

export class ListReportsQuery extends PageQuery {
  @IsOptional()
  @IsIn(['received', 'under_review', 'case_opened', 'resolved', 'closed'])
  status?: string;

  @IsOptional()
  @IsString()
  unitId?: string;
}

interface ReportListRow {
  report_id: string;
  status: string;
  channel: string;
  unit_id: string | null;
  category: string | null;
  case_id: string | null;
  received_at: Date;
  updated_at: Date;
  total: string;
}

/** GET /api/evaluations/reports: the triage queue, from the report_list projection. */
@Injectable()
export class ListReports {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async run(query: ListReportsQuery) {
    const where: string[] = [];
    const values: unknown[] = [];
    if (query.status) where.push(`status = $${values.push(query.status)}`);
    if (query.unitId) where.push(`unit_id = $${values.push(query.unitId)}`);
    const { rows } = await this.pool.query<ReportListRow>(
      `SELECT *, count(*) OVER () AS total FROM report_list ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY received_at DESC, report_id ${pageSql(query)}`,
      values,
    );
    return toPage(rows, query, (row) => ({
      id: row.report_id,
      status: row.status,
      channel: row.channel,
      unitId: row.unit_id,
      category: row.category,
      caseId: row.case_id,
      receivedAt: row.received_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    }));
  }
}
