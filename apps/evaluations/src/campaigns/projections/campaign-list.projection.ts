import type { PoolClient } from 'pg';
import type { Projection, RecordedEvent } from '@rectify/event-store';
import type { CampaignEvent } from '../domain/campaign.events';

/** The `campaign_list` read model behind GET /api/evaluations/campaigns. Rebuildable from the log. */
export const campaignListProjection: Projection = {
  name: 'campaign_list',
  async apply(events: readonly RecordedEvent[], tx: PoolClient): Promise<void> {
    for (const recorded of events) {
      if (!recorded.streamId.startsWith('campaign-')) continue;
      const event = { type: recorded.type, data: recorded.data } as CampaignEvent;
      switch (event.type) {
        case 'CampaignOpened': {
          const d = event.data;
          await tx.query(
            `INSERT INTO campaign_list (id, title, status, opens_at, closes_at, targets, follow_up_of_case_id, opened_at)
             VALUES ($1, $2, 'open', $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING`,
            [d.campaignId, d.title, d.opensAt, d.closesAt, d.targets.length, d.followUpOfCaseId ?? null, recorded.occurredAt],
          );
          break;
        }
        case 'BallotTokensIssued':
          await tx.query('UPDATE campaign_list SET tokens_issued = tokens_issued + $2 WHERE id = $1', [event.data.campaignId, event.data.count]);
          break;
        case 'CampaignClosed':
          await tx.query(`UPDATE campaign_list SET status = 'closed', ballots = $2, closed_at = $3 WHERE id = $1`, [event.data.campaignId, event.data.ballots, recorded.occurredAt]);
          break;
        // Counted from the results: a follow-up poll's breach of its case's target opens no case.
        case 'TargetRated':
          if (event.data.breach) await tx.query('UPDATE campaign_list SET breaches = breaches + 1 WHERE id = $1', [event.data.campaignId]);
          break;
        default:
          break;
      }
    }
  },
};
