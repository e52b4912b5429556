import { assertNever } from '../../shared/assert-never';
import { computeResults } from './campaign-results';
import { type CampaignCommand, targetKey } from './campaign.commands';
import { CampaignError } from './campaign.errors';
import type { CampaignEvent } from './campaign.events';
import type { CampaignState } from './campaign.state';

/** Pure: the events a command produces on the campaign's state, or a typed refusal. */
export function decide(command: CampaignCommand, state: CampaignState): CampaignEvent[] {
  switch (command.type) {
    case 'OpenCampaign': {
      const d = command.data;
      if (state.status !== 'none') throw CampaignError.alreadyExists(d.campaignId);
      if (Date.parse(d.closesAt) <= Date.parse(d.opensAt)) throw CampaignError.invalidWindow();
      const targetKeys = new Set<string>();
      for (const target of d.targets) {
        // Ballots name targets by id alone, so an id may appear once whatever its kind.
        if (targetKeys.has(target.id)) throw CampaignError.duplicateTarget(target.id);
        targetKeys.add(target.id);
      }
      const groupNames = new Set<string>();
      for (const group of d.groups) {
        if (groupNames.has(group.name)) throw CampaignError.duplicateGroup(group.name);
        groupNames.add(group.name);
      }
      if (!d.groups.some((g) => g.weight > 0)) throw CampaignError.noPositiveWeight();
      return [{ type: 'CampaignOpened', data: { ...d } }];
    }
    case 'IssueBallotTokens': {
      if (state.status === 'none') throw CampaignError.notFound('(unknown)');
      if (state.status === 'closed') throw CampaignError.closed(state.id);
      if (!state.groups.some((g) => g.name === command.data.group)) throw CampaignError.unknownGroup(command.data.group);
      return [{ type: 'BallotTokensIssued', data: { campaignId: state.id, group: command.data.group, count: command.data.count } }];
    }
    case 'CloseCampaign': {
      if (state.status === 'none') throw CampaignError.notFound('(unknown)');
      if (state.status === 'closed') throw CampaignError.closed(state.id);
      const { ballots, tallies, previousBreach, followUpTarget } = command.data;
      const results = computeResults(state.targets, state.groups, state.rules, tallies, (t) => previousBreach[targetKey(t)] ?? false);
      const events: CampaignEvent[] = [{ type: 'CampaignClosed', data: { campaignId: state.id, ballots } }];
      // A follow-up poll's results name its case, so each one can decide that case's verification.
      const followUp = state.followUpOfCaseId ? { followUpOfCaseId: state.followUpOfCaseId } : {};
      for (const result of results) events.push({ type: 'TargetRated', data: { campaignId: state.id, ...result, ...followUp } });
      // The breach case's own target in its follow-up poll: a breach there returns that case, not a new one.
      const isCaseTarget = (r: (typeof results)[number]) => r.targetKind === followUpTarget?.kind && r.targetId === followUpTarget.id;
      for (const result of results.filter((r) => r.breach && !isCaseTarget(r))) {
        events.push({
          type: 'ThresholdBreached',
          data: {
            campaignId: state.id,
            targetKind: result.targetKind,
            targetId: result.targetId,
            unitId: result.unitId,
            unsatisfiedShare: result.unsatisfiedShare,
            satisfiedShare: result.satisfiedShare,
            ballots: result.ballots,
            repeated: result.repeated,
          },
        });
      }
      return events;
    }
    default:
      return assertNever(command);
  }
}
