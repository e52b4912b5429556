import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { AuthUser } from '@rectify/auth';
import { PG_POOL } from '@rectify/database';
import type { AnalyticsWindow } from '@rectify/http';

interface PointRow {
  unit_id: string;
  campaign_id: string;
  closed_at: Date;
  satisfied_share: number;
}

/**
 * The `satisfaction` part of the analytics overview: per unit, the weighted satisfied share of
 * each campaign closed in [from, to) that rated the unit, oldest first. Results with too few
 * ballots (below the campaign's minimum) are left out, as the campaign itself neither ranks nor
 * judges them. A department gets its own unit only.
 */
@Injectable()
export class SatisfactionAnalytics {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async run(window: AnalyticsWindow, user: AuthUser) {
    const values: unknown[] = [window.from, window.to];
    const scope = user.role === 'department' ? `AND unit_id = $${values.push(user.unitId)}` : '';
    const { rows } = await this.pool.query<PointRow>(
      `SELECT unit_id, campaign_id, closed_at, satisfied_share FROM unit_satisfaction
        WHERE closed_at >= $1 AND closed_at < $2 AND NOT insufficient_sample ${scope}
        ORDER BY unit_id, closed_at, campaign_id`,
      values,
    );
    const byUnit = new Map<string, { campaignId: string; closedAt: string; satisfiedShare: number }[]>();
    for (const row of rows) {
      const points = byUnit.get(row.unit_id) ?? [];
      points.push({ campaignId: row.campaign_id, closedAt: row.closed_at.toISOString(), satisfiedShare: row.satisfied_share });
      byUnit.set(row.unit_id, points);
    }
    return {
      from: window.from.toISOString(),
      to: window.to.toISOString(),
      satisfaction: [...byUnit].map(([unitId, points]) => ({ unitId, points })),
    };
  }
}
