import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Pool } from 'pg';
import { PG_POOL } from '@rectify/database';
import { withTransaction } from '@rectify/event-store';
import { lockCampaign } from '../../campaign-lock';
import { CampaignRepository } from '../../campaign-repository';
import { CampaignError } from '../../domain/campaign.errors';
import type { CampaignState } from '../../domain/campaign.state';
import { findBreachCase } from '../../follow-up/breach-cases';
import { readBallotTallies, readPreviousBreaches } from './ballot-tallies';
import { CloseCampaignCommand } from './close-campaign.command';

export interface ClosedCampaign {
  id: string;
  version: number;
  state: Extract<CampaignState, { status: 'closed' }>;
}

/**
 * Counts the ballots and records CampaignClosed, one TargetRated per target and a
 * ThresholdBreached per breach (which rectification turns into a case) in one append, with the
 * targets' result history in the same transaction. In a follow-up poll of a breach case, the
 * breaching target's result decides that case's verification, so its breach opens no new case.
 */
@CommandHandler(CloseCampaignCommand)
export class CloseCampaignHandler implements ICommandHandler<CloseCampaignCommand, ClosedCampaign> {
  constructor(
    private readonly campaigns: CampaignRepository,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  async execute({ campaignId, now, context }: CloseCampaignCommand): Promise<ClosedCampaign> {
    return withTransaction(this.pool, async (tx) => {
      await lockCampaign(tx, campaignId, 'exclusive');
      const { state } = await this.campaigns.load(campaignId, tx);
      if (state.status === 'none') throw CampaignError.notFound(campaignId);
      if (state.status === 'closed') throw CampaignError.closed(campaignId);
      const { ballots, tallies } = await readBallotTallies(tx, campaignId, state.targets);
      const previousBreach = await readPreviousBreaches(tx, campaignId, state.targets);
      const breachCase = state.followUpOfCaseId ? await findBreachCase(tx, state.followUpOfCaseId) : undefined;
      const followUpTarget = breachCase && { kind: breachCase.targetKind, id: breachCase.targetId };
      const closed = await this.campaigns.execute(
        campaignId,
        [{ type: 'CloseCampaign', data: { ballots, tallies, previousBreach, followUpTarget }, metadata: { now: now.toISOString() } }],
        { ...context, db: tx },
      );
      if (closed.state.status !== 'closed') throw new Error('closing did not close the campaign');
      const { state: closedState } = closed;
      const results = closedState.results;
      await tx.query(
        `INSERT INTO target_result_history (target_kind, target_id, campaign_id, closed_at, breach)
         SELECT kind, id, $3, $4, breach FROM unnest($1::text[], $2::text[], $5::boolean[]) AS r(kind, id, breach)`,
        [results.map((r) => r.targetKind), results.map((r) => r.targetId), campaignId, now, results.map((r) => r.breach)],
      );
      return { id: campaignId, version: closed.version, state: closedState };
    });
  }
}
