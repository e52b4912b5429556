import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { AuthUser } from '@rectify/auth';
import { PG_POOL } from '@rectify/database';
import type { AnalyticsWindow } from '@rectify/http';

/**
 * The `inspections` part of the analytics overview: visits whose arrival lies in [from, to),
 * and how many of them were made under an unannounced plan. Counts only: no plan, target or
 * window leaves this query, so sealed plans stay sealed. A department counts the visits to its
 * own unit (each of which has been disclosed to it).
 * unannouncedShare = unannounced / visits, null without visits.
 */
@Injectable()
export class VisitAnalytics {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async run(window: AnalyticsWindow, user: AuthUser) {
    const values: unknown[] = [window.from, window.to];
    const scope = user.role === 'department' ? `AND unit_id = $${values.push(user.unitId)}` : '';
    const { rows } = await this.pool.query<{ visits: number; unannounced: number }>(
      `SELECT count(*)::int AS visits, count(*) FILTER (WHERE mode = 'unannounced')::int AS unannounced
         FROM visit_log WHERE arrived_at >= $1 AND arrived_at < $2 ${scope}`,
      values,
    );
    const { visits, unannounced } = rows[0];
    return {
      from: window.from.toISOString(),
      to: window.to.toISOString(),
      visits,
      unannounced,
      unannouncedShare: visits === 0 ? null : unannounced / visits,
    };
  }
}
