import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Pool } from 'pg';
import { PG_POOL } from '@rectify/database';
import { withTransaction } from '@rectify/event-store';
import { CampaignRepository } from '../../campaign-repository';
import { CampaignError } from '../../domain/campaign.errors';
import { ballotTokenHash, newBallotToken } from './ballot-token';
import { IssueTokensCommand } from './issue-tokens.command';

/** Stores the tokens' hashes with the BallotTokensIssued event, in one transaction; returns the tokens once. */
@CommandHandler(IssueTokensCommand)
export class IssueTokensHandler implements ICommandHandler<IssueTokensCommand, string[]> {
  constructor(
    private readonly campaigns: CampaignRepository,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  async execute({ campaignId, group, count, now, context }: IssueTokensCommand): Promise<string[]> {
    const tokens = Array.from({ length: count }, newBallotToken);
    await withTransaction(this.pool, async (tx) => {
      const { state } = await this.campaigns.load(campaignId, tx);
      if (state.status === 'none') throw CampaignError.notFound(campaignId);
      await this.campaigns.execute(campaignId, [{ type: 'IssueBallotTokens', data: { group, count }, metadata: { now: now.toISOString() } }], { ...context, db: tx });
      await tx.query(
        `INSERT INTO ballot_tokens (token_hash, campaign_id, respondent_group)
         SELECT hash, $2, $3 FROM unnest($1::bytea[]) AS hash`,
        [tokens.map(ballotTokenHash), campaignId, group],
      );
    });
    return tokens;
  }
}
