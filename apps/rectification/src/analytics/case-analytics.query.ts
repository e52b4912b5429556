import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { AuthUser } from '@rectify/auth';
import { TAXONOMY_CODES } from '@rectify/contracts';
import { PG_POOL } from '@rectify/database';
import { CASE_STATUSES, OPEN_STATUSES } from '../cases/domain/case.state';
import type { AnalyticsWindow } from '@rectify/http';
import { isoWeeksBetween } from './iso-week';

interface GroupRow {
  status: string | null;
  category: string | null;
  unit_id: string | null;
  week: string | null;
  total: number;
  open: number;
  overdue_now: number;
  ever_overdue: number;
  verified: number;
  returned: number;
  resolved: number;
  reopened: number;
  median_seconds: number | null;
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/**
 * The `cases` part of the analytics overview, from `case_stats`. Every figure is about the
 * cohort of cases *opened* in the window [from, to), as they stand now:
 * - byStatus, byCategory: the cohort by current status and by category (every status and code listed, 0 if none);
 * - byUnit: per unit the case is about, the cohort, how many are still open, and how many of
 *   those are flagged overdue now;
 * - medianDaysToResolve: median of (first CaseResolved − CaseOpened) in days over the cohort's
 *   cases that were resolved at least once;
 * - overdueRate: cases ever marked overdue (a CaseOverdue event) / cases in the cohort;
 * - returnRate: cases with at least one failed verification / cases that reached verification
 *   (a verification was requested or decided);
 * - reopenRate: cases reopened at least once / cases resolved at least once (a reopening comes
 *   from resolved or closed, so every reopened case was resolved first and the rate stays ≤ 1);
 * - overdueTrend: overdueRate per ISO week (UTC) of opening, every week of the window, null when
 *   no case was opened that week.
 * Rates are null when their denominator is 0. A department sees only the cases it may see in
 * the case list: opened against its unit or assigned to it.
 */
@Injectable()
export class CaseAnalytics {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async run(window: AnalyticsWindow, user: AuthUser) {
    const values: unknown[] = [window.from, window.to, OPEN_STATUSES];
    const scope = user.role === 'department' ? `AND (unit_id = $${values.push(user.unitId)} OR responsible_unit_id = $${values.length})` : '';
    // One statement, so every grouping is counted from the same snapshot of the read model. The
    // median is taken once, over the whole cohort; the groupings can then be hashed, not sorted.
    const { rows } = await this.pool.query<GroupRow>(
      `WITH cohort AS MATERIALIZED (
         SELECT status, category, unit_id, date_trunc('week', opened_at AT TIME ZONE 'UTC') AS week_start, overdue,
                opened_at, first_overdue_at, first_verification_at, first_resolved_at, return_count, reopen_count
           FROM case_stats WHERE opened_at >= $1 AND opened_at < $2 ${scope})
       SELECT status, category, unit_id, to_char(week_start, 'IYYY-"W"IW') AS week,
              count(*)::int AS total,
              count(*) FILTER (WHERE status = ANY($3))::int AS open,
              count(*) FILTER (WHERE overdue AND status = ANY($3))::int AS overdue_now,
              count(first_overdue_at)::int AS ever_overdue,
              count(first_verification_at)::int AS verified,
              count(*) FILTER (WHERE return_count > 0)::int AS returned,
              count(first_resolved_at)::int AS resolved,
              count(*) FILTER (WHERE reopen_count > 0)::int AS reopened,
              (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_resolved_at - opened_at)) FROM cohort) AS median_seconds
         FROM cohort
        GROUP BY GROUPING SETS ((), (status), (category), (unit_id), (week_start))
        ORDER BY unit_id, week`,
      values,
    );
    // The grouped columns are never null in the table, so null marks "not grouped by this".
    const all = rows.find((r) => r.status === null && r.category === null && r.unit_id === null && r.week === null);
    const byWeek = new Map(rows.filter((r) => r.week !== null).map((r) => [r.week, r]));
    const total = all?.total ?? 0;
    return {
      from: window.from.toISOString(),
      to: window.to.toISOString(),
      total,
      byStatus: counts(CASE_STATUSES, rows.filter((r) => r.status !== null).map((r) => [r.status!, r.total])),
      byCategory: counts(TAXONOMY_CODES, rows.filter((r) => r.category !== null).map((r) => [r.category!, r.total])),
      byUnit: rows.filter((r) => r.unit_id !== null).map((r) => ({ unitId: r.unit_id!, total: r.total, open: r.open, overdue: r.overdue_now })),
      medianDaysToResolve: all?.median_seconds == null ? null : all.median_seconds / 86_400,
      overdueRate: ratio(all?.ever_overdue ?? 0, total),
      returnRate: ratio(all?.returned ?? 0, all?.verified ?? 0),
      reopenRate: ratio(all?.reopened ?? 0, all?.resolved ?? 0),
      overdueTrend: isoWeeksBetween(window.from, window.to).map((week) => {
        const row = byWeek.get(week);
        return { week, rate: row ? ratio(row.ever_overdue, row.total) : null };
      }),
    };
  }
}

function counts(keys: readonly string[], found: [string, number][]): Record<string, number> {
  return { ...Object.fromEntries(keys.map((k) => [k, 0])), ...Object.fromEntries(found) };
}
