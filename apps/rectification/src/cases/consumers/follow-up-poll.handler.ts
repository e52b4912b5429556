import { Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { PoolClient } from 'pg';
import { CampaignOpenedV1, type IntegrationEnvelope, TargetRatedV1 } from '@rectify/contracts';
import { HandlesEvent } from '@rectify/messaging';
import { CaseRepository } from '../case-repository';
import { VerifyCaseCommand } from '../commands/verify-case/verify-case.command';
import type { OpenedCase } from '../domain/case.state';
import { reactOrLog } from './case-reaction';
import { recordForeignEvent } from './foreign-events';

/** The public's ballots are the evidence: independent of every unit. */
const POLL = { id: 'public:follow-up-poll', role: 'public', unitId: null };

const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * A follow-up poll (a campaign with `followUpOfCaseId`) is the independent evidence of an
 * evaluation case (DESIGN §3.2). Its opening and the result for the case's target go on the
 * case's timeline; that result decides a pending verification: not in breach → passed, in
 * breach → failed (the case is returned), too few ballots → no verdict.
 */
@Injectable()
export class FollowUpPollHandler {
  private readonly logger = new Logger(FollowUpPollHandler.name);

  constructor(
    private readonly commands: CommandBus,
    private readonly cases: CaseRepository,
  ) {}

  @HandlesEvent('evaluations', 'CampaignOpened', CampaignOpenedV1)
  async onOpened(event: IntegrationEnvelope<CampaignOpenedV1>, tx: PoolClient): Promise<void> {
    const caseId = event.data.followUpOfCaseId;
    if (!caseId) return;
    const { state } = await this.cases.load(caseId, { db: tx });
    if (state.status === 'none') {
      this.logger.warn(`campaign ${event.data.campaignId} follows up unknown case ${caseId}`);
      return;
    }
    await recordForeignEvent(tx, caseId, 'evaluations', event);
  }

  @HandlesEvent('evaluations', 'TargetRated', TargetRatedV1)
  async onRated(event: IntegrationEnvelope<TargetRatedV1>, tx: PoolClient): Promise<void> {
    const result = event.data;
    const caseId = result.followUpOfCaseId;
    if (!caseId) return;
    const { state } = await this.cases.load(caseId, { db: tx });
    if (state.status === 'none' || !ratesTheCase(state, result)) return;
    await recordForeignEvent(tx, caseId, 'evaluations', event);
    if (result.insufficientSample || (state.status !== 'reported' && state.status !== 'verifying')) return;
    const note = `follow-up poll ${result.campaignId}: ${percent(result.satisfiedShare)} satisfied, ${percent(result.unsatisfiedShare)} unsatisfied of ${result.ballots} ballots — ${result.breach ? 'still in breach' : 'no longer in breach'}`;
    const verdict = { outcome: result.breach ? 'failed' : 'passed', basis: 'follow_up_poll', note } as const;
    const context = { actor: POLL, correlationId: event.correlationId, causationId: event.eventId, db: tx };
    await reactOrLog(this.logger, `follow-up poll ${result.campaignId}`, () => this.commands.execute(new VerifyCaseCommand(caseId, verdict, new Date(event.occurredAt), context)));
  }
}

/** The result that speaks for the case: of the breaching target for a breach case, else of the case's unit. */
function ratesTheCase(state: OpenedCase, result: TargetRatedV1): boolean {
  // A breach case's source reference is `<campaignId>:<unit|cadre>:<targetId>` (ThresholdBreachedHandler).
  const breach = state.source.kind === 'evaluation_breach' ? /^[^:]+:(unit|cadre):(.+)$/.exec(state.source.ref ?? '') : null;
  const [kind, id] = breach ? [breach[1], breach[2]] : ['unit', state.unitId];
  return result.targetKind === kind && result.targetId === id;
}
