import { Injectable, Logger } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { type IntegrationEnvelope, VerificationRequestedV1 } from '@rectify/contracts';
import { stableUuid } from '@rectify/event-store';
import { HandlesEvent } from '@rectify/messaging';
import { EvaluationsEnv } from '../../evaluations.env';
import { SYSTEM_ACTOR } from '../../shared/command-context';
import { CampaignRepository } from '../campaign-repository';
import { findBreachCase } from './breach-cases';
import { followUpPoll } from './follow-up-poll';

const FOLLOW_UP_ID_NAMESPACE = 'rectify.follow-up-poll';

/**
 * A breach case asking for verification gets its follow-up poll, opened in the consumer's
 * transaction. Its id is derived from the request's event id: one poll per request, even if
 * the request is met again after its dedup row is gone. Inspectors then issue tokens and close
 * it as usual (or it closes itself at `closesAt`); its results decide the verification.
 */
@Injectable()
export class FollowUpPollHandler {
  private readonly logger = new Logger(FollowUpPollHandler.name);

  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly env: EvaluationsEnv,
  ) {}

  @HandlesEvent('rectification', 'VerificationRequested', VerificationRequestedV1)
  async onVerificationRequested(event: IntegrationEnvelope<VerificationRequestedV1>, tx: PoolClient): Promise<void> {
    const request = event.data;
    if (request.purpose !== 'verification' || request.basis !== 'follow_up_poll') return;
    const breach = await findBreachCase(tx, request.caseId);
    if (!breach) {
      this.logger.warn(`case ${request.caseId} asks for a follow-up poll but no breach of ours opened it: nothing opened`);
      return;
    }
    const campaignId = stableUuid(FOLLOW_UP_ID_NAMESPACE, event.eventId);
    if ((await this.campaigns.load(campaignId, tx)).version > 0) return;
    const { state: breaching } = await this.campaigns.load(breach.campaignId, tx);
    const command = breaching.status === 'none' ? undefined : followUpPoll(breaching, { campaignId, breach, now: event.occurredAt, days: this.env.FOLLOW_UP_POLL_DAYS });
    if (!command) {
      this.logger.warn(`case ${request.caseId}: campaign ${breach.campaignId} does not rate ${breach.targetKind} ${breach.targetId}: no follow-up poll`);
      return;
    }
    await this.campaigns.execute(campaignId, [command], {
      actor: SYSTEM_ACTOR,
      correlationId: event.correlationId,
      causationId: event.eventId,
      db: tx,
      expectedVersion: 0,
    });
    this.logger.log(`case ${request.caseId}: follow-up poll ${campaignId} open until ${command.data.closesAt}`);
  }
}
