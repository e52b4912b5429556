import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { CaseAssignedV1, type IntegrationEnvelope } from '@rectify/contracts';
import { PgEventStore } from '@rectify/event-store';
import { HandlesEvent } from '@rectify/messaging';
import { scheduleReminders } from '../reminders/reminder-schedule';
import { causeOf, issueNotice } from './issue-notice';

/** Turns case events into notices for the departments concerned. */
@Injectable()
export class CaseNoticesHandler {
  constructor(private readonly store: PgEventStore) {}

  @HandlesEvent('rectification', 'CaseAssigned', CaseAssignedV1)
  async onCaseAssigned(event: IntegrationEnvelope<CaseAssignedV1>, tx: PoolClient): Promise<void> {
    const { caseId, responsibleUnitId, deadline } = event.data;
    await issueNotice(this.store, tx, causeOf(event), {
      type: 'rectification_notice',
      unitId: responsibleUnitId,
      caseId,
      title: `Rectification notice: case ${caseId.slice(0, 8)} is assigned to your unit, due ${deadline.slice(0, 10)}`,
    });
    await scheduleReminders(tx, { caseId, unitId: responsibleUnitId, deadline: new Date(deadline) }, new Date(event.occurredAt));
  }
}
