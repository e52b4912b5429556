import type { Rating } from '../../campaigns/domain/rating-scale';
import { ratingLevel } from '../../campaigns/domain/rating-scale';
import { acceptsBallots, type CampaignState } from '../../campaigns/domain/campaign.state';
import { BallotError } from './ballot.errors';

export interface BallotToken {
  campaignId: string;
  group: string;
  used: boolean;
}

export interface CastBallot {
  ratings: { targetId: string; rating: string; comment?: string }[];
  now: string;
}

/** What is stored: the campaign, the group, the day, the ratings. Nothing else about the ballot. */
export interface AcceptedBallot {
  campaignId: string;
  group: string;
  castOn: string;
  ratings: { targetId: string; rating: Rating; comment: string | null }[];
}

/** Pure: accepts a ballot for a token on its campaign, or refuses it with a typed error. */
export function decideBallot(token: BallotToken | undefined, campaign: CampaignState, ballot: CastBallot): AcceptedBallot {
  if (!token) throw BallotError.unknownToken();
  if (token.used) throw BallotError.tokenUsed();
  if (campaign.status === 'none') throw BallotError.unknownToken();
  if (!acceptsBallots(campaign, ballot.now)) throw BallotError.campaignNotOpen();
  const seen = new Set<string>();
  const ratings = ballot.ratings.map(({ targetId, rating, comment }) => {
    const target = campaign.targets.find((t) => t.id === targetId);
    if (!target) throw BallotError.notATarget(targetId);
    if (seen.has(targetId)) throw BallotError.duplicateTarget(targetId);
    seen.add(targetId);
    if (!ratingLevel(target.kind, rating)) throw BallotError.notOnScale(targetId, rating);
    return { targetId, rating: rating as Rating, comment: comment?.trim() || null };
  });
  return { campaignId: campaign.id, group: token.group, castOn: ballot.now.slice(0, 10), ratings };
}
