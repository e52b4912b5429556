import { assertNever } from '../../shared/assert-never';
import type { CampaignEvent } from './campaign.events';
import type { CampaignState } from './campaign.state';

/** Pure: the state after `event`. `at` is the event's occurredAt (ISO), never the clock. */
export function evolve(state: CampaignState, event: CampaignEvent, at: string): CampaignState {
  switch (event.type) {
    case 'CampaignOpened': {
      const { campaignId, ...facts } = event.data;
      return { status: 'open', id: campaignId, ...facts, tokensIssued: {}, openedAt: at };
    }
    case 'BallotTokensIssued': {
      if (state.status === 'none') return state;
      const { group, count } = event.data;
      return { ...state, tokensIssued: { ...state.tokensIssued, [group]: (state.tokensIssued[group] ?? 0) + count } };
    }
    case 'CampaignClosed': {
      if (state.status === 'none') return state;
      return { ...state, status: 'closed', closedAt: at, ballots: event.data.ballots, results: [] };
    }
    case 'TargetRated': {
      if (state.status !== 'closed') return state;
      const { campaignId: _campaignId, followUpOfCaseId: _followUpOfCaseId, ...result } = event.data;
      return { ...state, results: [...state.results, result] };
    }
    case 'ThresholdBreached':
      return state;
    default:
      return assertNever(event);
  }
}
