import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { AuthUser } from '@rectify/auth';
import { PG_POOL } from '@rectify/database';
import type { ListCasesQuery } from './list-cases.dto';

interface CaseListRow {
  id: string;
  unit_id: string;
  responsible_unit_id: string | null;
  category: string;
  title: string;
  severity: string;
  status: string;
  source_kind: string;
  source_ref: string | null;
  deadline: Date | null;
  overdue: boolean;
  escalated: boolean;
  version: number;
  opened_at: Date;
  updated_at: Date;
  total: string;
}

/** GET /api/cases from the case_list projection; departments are held to their own unit. */
@Injectable()
export class ListCases {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async run(query: ListCasesQuery, user: AuthUser) {
    const where: string[] = [];
    const values: unknown[] = [];
    const param = (value: unknown) => `$${values.push(value)}`;
    const ofUnit = (unitId: string | null) => {
      const p = param(unitId);
      where.push(`(unit_id = ${p} OR responsible_unit_id = ${p})`);
    };
    if (user.role === 'department') ofUnit(user.unitId);
    if (query.unitId) ofUnit(query.unitId);
    if (query.status) where.push(`status = ${param(query.status)}`);
    if (query.category) where.push(`category = ${param(query.category)}`);
    if (query.source) where.push(`source_kind = ${param(query.source)}`);
    if (query.overdue !== undefined) where.push(`overdue = ${param(query.overdue)}`);
    const offset = (query.page - 1) * query.pageSize;
    const { rows } = await this.pool.query<CaseListRow>(
      `SELECT *, count(*) OVER () AS total FROM case_list
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY opened_at DESC, id
        LIMIT ${query.pageSize} OFFSET ${offset}`,
      values,
    );
    return {
      items: rows.map((row) => ({
        id: row.id,
        unitId: row.unit_id,
        responsibleUnitId: row.responsible_unit_id,
        category: row.category,
        title: row.title,
        severity: row.severity,
        status: row.status,
        source: { kind: row.source_kind, ref: row.source_ref },
        deadline: row.deadline?.toISOString() ?? null,
        overdue: row.overdue,
        escalated: row.escalated,
        version: row.version,
        openedAt: row.opened_at.toISOString(),
        updatedAt: row.updated_at.toISOString(),
      })),
      total: rows.length ? Number(rows[0].total) : 0,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}
