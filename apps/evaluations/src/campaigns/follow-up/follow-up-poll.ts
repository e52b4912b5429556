import type { OpenCampaign } from '../domain/campaign.commands';
import type { CampaignFacts } from '../domain/campaign.state';
import type { BreachCase } from './breach-cases';

const DAY_MS = 86_400_000;
const TITLE_MAX = 200;

export interface FollowUpRequest {
  /** The new campaign's id, derived from the verification request so it is opened once. */
  campaignId: string;
  breach: BreachCase;
  now: string;
  days: number;
}

/**
 * The follow-up poll of a breach case (DESIGN §3.2: evaluation cases are verified by a follow-up
 * poll): the breaching target alone, rated by the breaching campaign's groups under its rules,
 * from now for `days` days. Undefined when the breaching campaign no longer lists the target.
 */
export function followUpPoll(breaching: CampaignFacts, request: FollowUpRequest): OpenCampaign | undefined {
  const { breach, now } = request;
  const target = breaching.targets.find((t) => t.kind === breach.targetKind && t.id === breach.targetId);
  if (!target) return undefined;
  return {
    type: 'OpenCampaign',
    data: {
      campaignId: request.campaignId,
      title: `Follow-up: ${breaching.title}`.slice(0, TITLE_MAX),
      targets: [{ ...target }],
      groups: breaching.groups.map((g) => ({ ...g })),
      opensAt: now,
      closesAt: new Date(Date.parse(now) + request.days * DAY_MS).toISOString(),
      rules: { ...breaching.rules },
      followUpOfCaseId: breach.caseId,
    },
    metadata: { now },
  };
}
