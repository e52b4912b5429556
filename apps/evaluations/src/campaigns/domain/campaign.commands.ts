import type { CommandMetadata } from '../../shared/command-metadata';
import type { BallotTally } from './campaign-results';
import type { CampaignRules, CampaignTarget, RespondentGroup } from './campaign.state';

export type OpenCampaign = {
  type: 'OpenCampaign';
  data: {
    campaignId: string;
    title: string;
    targets: CampaignTarget[];
    groups: RespondentGroup[];
    opensAt: string;
    closesAt: string;
    rules: CampaignRules;
    followUpOfCaseId?: string;
  };
  metadata: CommandMetadata;
};

export type IssueBallotTokens = {
  type: 'IssueBallotTokens';
  data: { group: string; count: number };
  metadata: CommandMetadata;
};

/** The tallies and each target's previous result are read by the handler and passed in. */
export type CloseCampaign = {
  type: 'CloseCampaign';
  data: {
    ballots: number;
    tallies: BallotTally[];
    /** `${kind}:${id}` → was the target in breach in the previous campaign that rated it. */
    previousBreach: Record<string, boolean>;
    /** A follow-up poll's breach case target: its breach returns that case instead of opening another. */
    followUpTarget?: { kind: string; id: string };
  };
  metadata: CommandMetadata;
};

export type CampaignCommand = OpenCampaign | IssueBallotTokens | CloseCampaign;

export const targetKey = (target: { kind: string; id: string }): string => `${target.kind}:${target.id}`;
