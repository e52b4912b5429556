import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { PoolClient } from 'pg';
import { type IntegrationEnvelope, ThresholdBreachedV1 } from '@rectify/contracts';
import { HandlesEvent } from '@rectify/messaging';
import { OpenCaseCommand } from '../commands/open-case/open-case.command';
import type { OpenedCase } from '../commands/open-case/open-case.handler';
import { recordForeignEvent } from './foreign-events';
import { SYSTEM_ACTOR } from './system-actor';

/** A satisfaction breach opens a time-limited case on the unit (idempotent per campaign and target). */
@Injectable()
export class ThresholdBreachedHandler {
  constructor(private readonly commands: CommandBus) {}

  @HandlesEvent('evaluations', 'ThresholdBreached', ThresholdBreachedV1)
  async onBreach(event: IntegrationEnvelope<ThresholdBreachedV1>, tx: PoolClient): Promise<void> {
    const breach = event.data;
    const share = Math.round(breach.unsatisfiedShare * 100);
    const opened: OpenedCase = await this.commands.execute(
      new OpenCaseCommand(
        {
          unitId: breach.unitId,
          // Low satisfaction is the public's verdict on distance from it (DESIGN §3.1).
          category: 'MASS_DISCONNECTION',
          title: `Satisfaction breach: ${share}% unsatisfied (${breach.targetKind} ${breach.targetId})`,
          description: `Campaign ${breach.campaignId}: ${breach.ballots} ballots, ${share}% unsatisfied, ${Math.round(breach.satisfiedShare * 100)}% satisfied${breach.repeated ? '; in breach in two consecutive campaigns' : ''}. An admonishment talk is required.`,
          source: { kind: 'evaluation_breach', ref: `${breach.campaignId}:${breach.targetKind}:${breach.targetId}` },
          cadreIds: breach.targetKind === 'cadre' ? [breach.targetId] : [],
          assignToUnit: true,
        },
        new Date(event.occurredAt),
        { actor: SYSTEM_ACTOR, correlationId: event.correlationId, causationId: event.eventId, db: tx },
      ),
    );
    await recordForeignEvent(tx, opened.id, 'evaluations', event);
  }
}
