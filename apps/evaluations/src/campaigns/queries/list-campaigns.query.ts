import { Inject, Injectable } from '@nestjs/common';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import type { Pool } from 'pg';
import { PG_POOL } from '@rectify/database';
import { PageQuery, pageSql, toPage } from '@rectify/http';

export class ListCampaignsQuery extends PageQuery {
  @IsOptional()
  @IsIn(['open', 'closed'])
  status?: 'open' | 'closed';

  /** The follow-up polls of a case (its "satisfaction after"). */
  @IsOptional()
  @IsUUID()
  followUpOfCaseId?: string;
}

interface CampaignListRow {
  id: string;
  title: string;
  status: string;
  opens_at: Date;
  closes_at: Date;
  targets: number;
  tokens_issued: number;
  ballots: number | null;
  breaches: number;
  follow_up_of_case_id: string | null;
  opened_at: Date;
  closed_at: Date | null;
  total: string;
}

/** GET /api/evaluations/campaigns, newest first, from the campaign_list projection. */
@Injectable()
export class ListCampaigns {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async run(query: ListCampaignsQuery) {
    const values: unknown[] = [];
    const filters: string[] = [];
    if (query.status) filters.push(`status = $${values.push(query.status)}`);
    if (query.followUpOfCaseId) filters.push(`follow_up_of_case_id = $${values.push(query.followUpOfCaseId)}`);
    const where = filters.length ? `WHERE ${filters.join(' AND ')}` : '';
    const { rows } = await this.pool.query<CampaignListRow>(
      `SELECT *, count(*) OVER () AS total FROM campaign_list ${where} ORDER BY opened_at DESC, id ${pageSql(query)}`,
      values,
    );
    return toPage(rows, query, (row) => ({
      id: row.id,
      title: row.title,
      status: row.status,
      opensAt: row.opens_at.toISOString(),
      closesAt: row.closes_at.toISOString(),
      targets: row.targets,
      tokensIssued: row.tokens_issued,
      ballots: row.ballots,
      breaches: row.breaches,
      followUpOfCaseId: row.follow_up_of_case_id,
      closedAt: row.closed_at?.toISOString() ?? null,
    }));
  }
}
