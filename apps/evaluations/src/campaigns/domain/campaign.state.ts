import { DEFAULT_THRESHOLDS, type TargetKind } from '@rectify/contracts';

export interface CampaignTarget {
  kind: TargetKind;
  id: string;
  unitId: string;
}

export interface RespondentGroup {
  name: string;
  weight: number;
}

export interface CampaignRules {
  unsatisfiedAbove: number;
  satisfiedBelow: number;
  minBallots: number;
}

/** The built-in rules; a new campaign takes the admin's defaults (libs/directory) unless it sets its own. */
export const DEFAULT_RULES: Readonly<CampaignRules> = DEFAULT_THRESHOLDS;

export interface TargetResult {
  targetKind: TargetKind;
  targetId: string;
  unitId: string;
  ballots: number;
  satisfiedShare: number;
  basicallySatisfiedShare: number;
  unsatisfiedShare: number;
  breach: boolean;
  insufficientSample: boolean;
  rank: number | null;
  repeated: boolean;
}

export interface CampaignFacts {
  id: string;
  title: string;
  targets: CampaignTarget[];
  groups: RespondentGroup[];
  opensAt: string;
  closesAt: string;
  rules: CampaignRules;
  tokensIssued: Record<string, number>;
  openedAt: string;
  followUpOfCaseId?: string;
}

/** `open` means created and not closed; ballots also need `now` inside [opensAt, closesAt). */
export type CampaignState =
  | { status: 'none' }
  | ({ status: 'open' } & CampaignFacts)
  | ({ status: 'closed' } & CampaignFacts & { closedAt: string; ballots: number; results: TargetResult[] });

export const initialCampaignState = (): CampaignState => ({ status: 'none' });

/** Whether a ballot may be cast at `now`. */
export function acceptsBallots(state: CampaignState, now: string): boolean {
  if (state.status !== 'open') return false;
  const at = Date.parse(now);
  return Date.parse(state.opensAt) <= at && at < Date.parse(state.closesAt);
}
