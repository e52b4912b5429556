import type { PoolClient } from 'pg';
import type { TargetRatedV1 } from '@rectify/contracts';
import type { Projection, RecordedEvent } from '@rectify/event-store';

/**
 * `unit_satisfaction`: the result of every unit target of a closed campaign. TargetRated is
 * appended with CampaignClosed, so its time is the campaign's closing time. Cadre targets are
 * left out: they are rated on the competence scale, a different question from a unit's
 * satisfaction, and folding them in would mix the two.
 */
export const unitSatisfactionProjection: Projection = {
  name: 'evaluations.unit_satisfaction',
  async apply(events: readonly RecordedEvent[], tx: PoolClient): Promise<void> {
    for (const event of events) {
      if (event.type !== 'TargetRated') continue;
      const r = event.data as TargetRatedV1;
      if (r.targetKind !== 'unit') continue;
      await tx.query(
        `INSERT INTO unit_satisfaction (campaign_id, unit_id, satisfied_share, ballots, insufficient_sample, closed_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (campaign_id, unit_id) DO NOTHING`,
        [r.campaignId, r.targetId, r.satisfiedShare, r.ballots, r.insufficientSample, event.occurredAt],
      );
    }
  },
};
