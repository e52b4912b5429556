import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { InspectionDisclosedV1, type IntegrationEnvelope } from '@rectify/contracts';
import { PgEventStore } from '@rectify/event-store';
import { HandlesEvent } from '@rectify/messaging';
import { causeOf, issueNotice } from './issue-notice';

/**
 * Tells an inspected unit about an inspection only once it is disclosed (after the visit):
 * nothing before, so an unannounced plan stays unannounced.
 */
@Injectable()
export class InspectionNoticesHandler {
  constructor(private readonly store: PgEventStore) {}

  @HandlesEvent('inspections', 'InspectionDisclosed', InspectionDisclosedV1)
  async onDisclosed(event: IntegrationEnvelope<InspectionDisclosedV1>, tx: PoolClient): Promise<void> {
    const { unitId, title, mode, visitedAt } = event.data;
    await issueNotice(this.store, tx, causeOf(event), {
      type: 'inspection_disclosed',
      unitId,
      title: `Your unit was visited by an ${mode} inspection on ${visitedAt.slice(0, 10)}: ${title}`,
    });
  }
}
