import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Pool, PoolClient } from 'pg';
import { PG_POOL } from '@rectify/database';
import { withTransaction } from '@rectify/event-store';
import { lockCampaign } from '../../../campaigns/campaign-lock';
import { CampaignRepository } from '../../../campaigns/campaign-repository';
import { ballotTokenHash } from '../../../campaigns/commands/issue-tokens/ballot-token';
import { initialCampaignState } from '../../../campaigns/domain/campaign.state';
import { type BallotToken, decideBallot } from '../../domain/ballot.decide';
import { CastBallotCommand } from './cast-ballot.command';

/**
 * One transaction: lock the token row, check it and the campaign, store the ballot (campaign,
 * group, day, ratings — no link to the token) and spend the token. Any refusal rolls back, so
 * a refused ballot writes nothing. Ballots are not events (ADR 006).
 */
@CommandHandler(CastBallotCommand)
export class CastBallotHandler implements ICommandHandler<CastBallotCommand, void> {
  constructor(
    private readonly campaigns: CampaignRepository,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  async execute({ input, now }: CastBallotCommand): Promise<void> {
    const hash = ballotTokenHash(input.token);
    await withTransaction(this.pool, async (tx) => {
      const token = await lockToken(tx, hash);
      if (token) await lockCampaign(tx, token.campaignId, 'shared');
      const campaign = token ? (await this.campaigns.load(token.campaignId, tx)).state : initialCampaignState();
      const ballot = decideBallot(token, campaign, { ratings: input.ratings, now: now.toISOString() });
      const ballotId = randomUUID();
      await tx.query('INSERT INTO ballots (id, campaign_id, respondent_group, cast_on) VALUES ($1, $2, $3, $4)', [ballotId, ballot.campaignId, ballot.group, ballot.castOn]);
      await tx.query(
        `INSERT INTO ballot_ratings (ballot_id, target_id, rating, comment)
         SELECT $1, target_id, rating, comment FROM unnest($2::text[], $3::text[], $4::text[]) AS r(target_id, rating, comment)`,
        [ballotId, ballot.ratings.map((r) => r.targetId), ballot.ratings.map((r) => r.rating), ballot.ratings.map((r) => r.comment)],
      );
      await tx.query('UPDATE ballot_tokens SET used = true WHERE token_hash = $1', [hash]);
    });
  }
}

async function lockToken(tx: PoolClient, hash: Buffer): Promise<BallotToken | undefined> {
  const { rows } = await tx.query<{ campaign_id: string; respondent_group: string; used: boolean }>(
    'SELECT campaign_id, respondent_group, used FROM ballot_tokens WHERE token_hash = $1 FOR UPDATE',
    [hash],
  );
  return rows[0] && { campaignId: rows[0].campaign_id, group: rows[0].respondent_group, used: rows[0].used };
}
