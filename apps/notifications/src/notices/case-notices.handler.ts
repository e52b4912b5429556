import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import {
  CaseAssignedV1,
  CaseClosedV1,
  CaseDismissedV1,
  CaseEscalatedV1,
  CaseMergedV1,
  CaseOverdueV1,
  CaseReopenedV1,
  CaseResolvedV1,
  DeadlineExtendedV1,
  type IntegrationEnvelope,
  VerificationFailedV1,
} from '@rectify/contracts';
import { Directory } from '@rectify/directory';
import { PgEventStore } from '@rectify/event-store';
import { HandlesEvent, HandlesEventBatch } from '@rectify/messaging';
import { cancelReminders, scheduleAllReminders, scheduleReminders } from '../reminders/reminder-schedule';
import { causeOf, issueNotice, issueNotices, type NoticeToIssue } from './issue-notice';

/** Escalations go to the commission's desk (inspectors and admins see every unit's notices). */
export const COMMISSION = 'commission';

const short = (caseId: string) => caseId.slice(0, 8);

/**
 * Turns case events into notices for the departments concerned, and keeps the reminder
 * schedule in step with the case's deadline — all in the consumer's transaction.
 */
@Injectable()
export class CaseNoticesHandler {
  constructor(
    private readonly store: PgEventStore,
    private readonly directory: Directory,
  ) {}

  onCaseAssigned(event: IntegrationEnvelope<CaseAssignedV1>, tx: PoolClient): Promise<void> {
    return this.onCasesAssigned([event], tx);
  }

  /** Each case's unit, a rectification notice to it and its reminders: the batch's rows in a few statements. */
  @HandlesEventBatch('rectification', 'CaseAssigned', CaseAssignedV1)
  async onCasesAssigned(events: IntegrationEnvelope<CaseAssignedV1>[], tx: PoolClient): Promise<void> {
    // One row per case, as the last assignment of the batch left it (ON CONFLICT may not touch a row twice).
    const latest = [...new Map(events.map(({ data }) => [data.caseId, data])).values()];
    const values = latest.flatMap(({ caseId, responsibleUnitId, deadline }) => [caseId, responsibleUnitId, deadline]);
    await tx.query(
      `INSERT INTO case_units (case_id, responsible_unit_id, deadline)
       VALUES ${latest.map((_, i) => `($${3 * i + 1}, $${3 * i + 2}, $${3 * i + 3})`).join(', ')}
       ON CONFLICT (case_id) DO UPDATE SET responsible_unit_id = EXCLUDED.responsible_unit_id, deadline = EXCLUDED.deadline`,
      values,
    );
    await issueNotices(this.store, tx, events.map((event) => {
      const { caseId, responsibleUnitId, deadline } = event.data;
      const title = `Rectification notice: case ${short(caseId)} is assigned to your unit, due ${deadline.slice(0, 10)}`;
      return { cause: causeOf(event), notice: { type: 'rectification_notice', unitId: responsibleUnitId, caseId, title } };
    }));
    await scheduleAllReminders(tx, events.map(({ data, occurredAt }) => ({
      caseId: data.caseId, unitId: data.responsibleUnitId, deadline: new Date(data.deadline), now: new Date(occurredAt),
    })));
  }

  @HandlesEvent('rectification', 'DeadlineExtended', DeadlineExtendedV1)
  async onDeadlineExtended(event: IntegrationEnvelope<DeadlineExtendedV1>, tx: PoolClient): Promise<void> {
    await this.moveDeadline(event, tx, event.data.caseId, event.data.deadline);
  }

  @HandlesEvent('rectification', 'CaseReopened', CaseReopenedV1)
  async onReopened(event: IntegrationEnvelope<CaseReopenedV1>, tx: PoolClient): Promise<void> {
    await this.moveDeadline(event, tx, event.data.caseId, event.data.deadline);
  }

  @HandlesEvent('rectification', 'CaseOverdue', CaseOverdueV1)
  async onOverdue(event: IntegrationEnvelope<CaseOverdueV1>, tx: PoolClient): Promise<void> {
    const { caseId, responsibleUnitId, deadline } = event.data;
    await cancelReminders(tx, caseId);
    await this.notify(event, tx, { type: 'overdue', unitId: responsibleUnitId, caseId, title: `Overdue: case ${short(caseId)} passed its deadline of ${deadline.slice(0, 10)}` });
  }

  @HandlesEvent('rectification', 'CaseEscalated', CaseEscalatedV1)
  async onEscalated(event: IntegrationEnvelope<CaseEscalatedV1>, tx: PoolClient): Promise<void> {
    const { caseId, responsibleUnitId, reason } = event.data;
    const why = reason === 'overdue' ? 'it is overdue' : 'verification failed twice';
    // DESIGN §3.2: up to the unit's superior (from the directory copy) and the commission.
    const superior = await this.directory.superiorOf(responsibleUnitId, tx);
    for (const unitId of [...(superior ? [superior] : []), COMMISSION]) {
      await this.notify(event, tx, { type: 'escalation', unitId, caseId, title: `Escalated: case ${short(caseId)} of ${responsibleUnitId} because ${why}` });
    }
  }

  @HandlesEvent('rectification', 'VerificationFailed', VerificationFailedV1)
  async onReturned(event: IntegrationEnvelope<VerificationFailedV1>, tx: PoolClient): Promise<void> {
    const { caseId, returnCount, note } = event.data;
    const unitId = await this.responsibleUnit(tx, caseId);
    if (!unitId) return;
    await this.notify(event, tx, { type: 'returned', unitId, caseId, title: `Returned (${returnCount}): case ${short(caseId)} failed verification — ${note.slice(0, 120)}` });
  }

  @HandlesEvent('rectification', 'CaseResolved', CaseResolvedV1)
  async onResolved(event: IntegrationEnvelope<CaseResolvedV1>, tx: PoolClient): Promise<void> {
    const { caseId, responsibleUnitId } = event.data;
    await cancelReminders(tx, caseId);
    await this.notify(event, tx, { type: 'resolved', unitId: responsibleUnitId, caseId, title: `Resolved: case ${short(caseId)} passed verification` });
  }

  @HandlesEvent('rectification', 'CaseClosed', CaseClosedV1)
  async onClosed(event: IntegrationEnvelope<CaseClosedV1>, tx: PoolClient): Promise<void> {
    const { caseId } = event.data;
    await cancelReminders(tx, caseId);
    const unitId = await this.responsibleUnit(tx, caseId);
    if (unitId) await this.notify(event, tx, { type: 'closed', unitId, caseId, title: `Closed: case ${short(caseId)}` });
  }

  @HandlesEvent('rectification', 'CaseDismissed', CaseDismissedV1)
  async onDismissed(event: IntegrationEnvelope<CaseDismissedV1>, tx: PoolClient): Promise<void> {
    await cancelReminders(tx, event.data.caseId);
  }

  @HandlesEvent('rectification', 'CaseMerged', CaseMergedV1)
  async onMerged(event: IntegrationEnvelope<CaseMergedV1>, tx: PoolClient): Promise<void> {
    await cancelReminders(tx, event.data.caseId);
  }

  private async moveDeadline(event: IntegrationEnvelope, tx: PoolClient, caseId: string, deadline: string): Promise<void> {
    const unitId = await this.responsibleUnit(tx, caseId);
    if (!unitId) return;
    await tx.query('UPDATE case_units SET deadline = $2 WHERE case_id = $1', [caseId, deadline]);
    await scheduleReminders(tx, { caseId, unitId, deadline: new Date(deadline) }, new Date(event.occurredAt));
  }

  private async responsibleUnit(tx: PoolClient, caseId: string): Promise<string | undefined> {
    const { rows } = await tx.query<{ responsible_unit_id: string }>('SELECT responsible_unit_id FROM case_units WHERE case_id = $1', [caseId]);
    return rows[0]?.responsible_unit_id;
  }

  private notify(event: IntegrationEnvelope, tx: PoolClient, notice: NoticeToIssue): Promise<string> {
    return issueNotice(this.store, tx, causeOf(event), notice);
  }
}
