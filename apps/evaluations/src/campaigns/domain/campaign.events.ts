import type {
  BallotTokensIssuedV1,
  CampaignClosedV1,
  CampaignOpenedV1,
  TargetRatedV1,
  ThresholdBreachedV1,
} from '@rectify/contracts';

/** The campaign stream's events; their data are the published contracts (nothing private in them). */
export type CampaignOpened = { type: 'CampaignOpened'; data: CampaignOpenedV1 };
export type BallotTokensIssued = { type: 'BallotTokensIssued'; data: BallotTokensIssuedV1 };
export type CampaignClosed = { type: 'CampaignClosed'; data: CampaignClosedV1 };
export type TargetRated = { type: 'TargetRated'; data: TargetRatedV1 };
export type ThresholdBreached = { type: 'ThresholdBreached'; data: ThresholdBreachedV1 };

export type CampaignEvent = CampaignOpened | BallotTokensIssued | CampaignClosed | TargetRated | ThresholdBreached;

export const CAMPAIGN_EVENT_SCHEMA_VERSION: Readonly<Record<CampaignEvent['type'], number>> = {
  CampaignOpened: 1,
  BallotTokensIssued: 1,
  CampaignClosed: 1,
  TargetRated: 1,
  ThresholdBreached: 1,
};
