import type { PoolClient } from 'pg';
import type { BallotTally } from '../../domain/campaign-results';
import { ratingLevel } from '../../domain/rating-scale';
import type { CampaignTarget } from '../../domain/campaign.state';

/** The campaign's ballots counted per (target, group, rating step), and how many ballots there were. */
export async function readBallotTallies(tx: PoolClient, campaignId: string, targets: readonly CampaignTarget[]): Promise<{ ballots: number; tallies: BallotTally[] }> {
  const { rows } = await tx.query<{ target_id: string; respondent_group: string; rating: string; count: number }>(
    `SELECT r.target_id, b.respondent_group, r.rating, count(*)::int AS count
       FROM ballots b JOIN ballot_ratings r ON r.ballot_id = b.id
      WHERE b.campaign_id = $1
      GROUP BY r.target_id, b.respondent_group, r.rating`,
    [campaignId],
  );
  const [{ ballots }] = (await tx.query<{ ballots: number }>('SELECT count(*)::int AS ballots FROM ballots WHERE campaign_id = $1', [campaignId])).rows;
  const kindOf = new Map(targets.map((t) => [t.id, t.kind]));
  const tallies: BallotTally[] = [];
  for (const row of rows) {
    const kind = kindOf.get(row.target_id);
    const level = kind && ratingLevel(kind, row.rating);
    // Ratings were checked against the campaign when cast; anything else cannot count.
    if (level) tallies.push({ targetId: row.target_id, group: row.respondent_group, level, count: row.count });
  }
  return { ballots, tallies };
}

/** Whether each target was in breach in the latest earlier campaign that rated it. */
export async function readPreviousBreaches(tx: PoolClient, campaignId: string, targets: readonly CampaignTarget[]): Promise<Record<string, boolean>> {
  if (targets.length === 0) return {};
  const { rows } = await tx.query<{ target_kind: string; target_id: string; breach: boolean }>(
    `SELECT DISTINCT ON (target_kind, target_id) target_kind, target_id, breach
       FROM target_result_history
      WHERE campaign_id <> $1 AND (target_kind, target_id) IN (SELECT * FROM unnest($2::text[], $3::text[]))
      ORDER BY target_kind, target_id, closed_at DESC`,
    [campaignId, targets.map((t) => t.kind), targets.map((t) => t.id)],
  );
  return Object.fromEntries(rows.map((r) => [`${r.target_kind}:${r.target_id}`, r.breach]));
}
