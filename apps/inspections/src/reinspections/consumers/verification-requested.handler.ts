import { Injectable } from '@nestjs/common';
import { type IntegrationEnvelope, RectificationEventTypes, VerificationRequestedV1 } from '@rectify/contracts';
import { stableUuid } from '@rectify/event-store';
import { HandlesEvent } from '@rectify/messaging';
import type { PoolClient } from 'pg';
import { ReinspectionRepository } from '../reinspection-repository';

const SYSTEM_ACTOR = { id: 'system:inspections', role: 'system', unitId: null };
const REINSPECTION_ID_NAMESPACE = 'rectify.reinspection-request';

/**
 * A verification request by re-inspection (or a look-back) becomes a task. Its id comes from
 * the request's place in the case stream, so a re-published copy (new event id) meets the
 * existing task and writes nothing. Other bases (polls, reporter feedback) are not ours.
 */
@Injectable()
export class VerificationRequestedHandler {
  constructor(private readonly reinspections: ReinspectionRepository) {}

  @HandlesEvent('rectification', RectificationEventTypes.VerificationRequested, VerificationRequestedV1)
  async onVerificationRequested(event: IntegrationEnvelope<VerificationRequestedV1>, tx: PoolClient): Promise<void> {
    const request = event.data;
    if (request.basis !== 're_inspection' && request.basis !== 'on_site_check' && request.purpose !== 'look_back') return;
    const id = stableUuid(REINSPECTION_ID_NAMESPACE, `${event.streamId}:${event.streamVersion}`);
    const { version } = await this.reinspections.load(id, tx);
    if (version > 0) return;
    await this.reinspections.append(id, [{
      type: 'ReinspectionRequested',
      data: {
        reinspectionId: id,
        caseId: request.caseId,
        unitId: request.unitId,
        responsibleUnitId: request.responsibleUnitId,
        category: request.category,
        purpose: request.purpose,
        mode: 'unannounced',
      },
    }], 0, { actor: SYSTEM_ACTOR, correlationId: event.correlationId, causationId: event.eventId, tx }, new Date(event.occurredAt));
  }
}
