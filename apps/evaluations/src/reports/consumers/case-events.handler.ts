import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { CaseOpenedV1, type IntegrationEnvelope } from '@rectify/contracts';
import { HandlesEvent } from '@rectify/messaging';
import { parseBreachRef, recordBreachCase } from '../../campaigns/follow-up/breach-cases';
import { SYSTEM_ACTOR } from '../../shared/command-context';
import type { ReportCommand } from '../domain/report.commands';
import { ReportRepository } from '../report-repository';

const OUR_SOURCES = new Set(['evaluation_breach', 'public_report']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Notes which case each of our breaches opened (for its follow-up poll, see FollowUpPollHandler).
 * Follows the case of each report so the reporter can see its status: a case opened from a
 * report (source `public_report`, ref = report id) links them; resolved, closed, reopened,
 * dismissed and merged cases move every linked report. Of those events only the case ids are
 * read (and checked), without a contract class, so additions to them never dead-letter here.
 */
@Injectable()
export class CaseEventsHandler {
  constructor(private readonly reports: ReportRepository) {}

  // Only cases opened from our breaches or reports concern us: the rest (most: findings) cost no transaction.
  @HandlesEvent('rectification', 'CaseOpened', CaseOpenedV1, { when: (data) => OUR_SOURCES.has(data.source?.kind as string) })
  async onCaseOpened(event: IntegrationEnvelope<CaseOpenedV1>, tx: PoolClient): Promise<void> {
    const { caseId, source } = event.data;
    // A case opened from one of our breaches: remembered for its follow-up poll.
    const breach = source?.kind === 'evaluation_breach' && source.ref ? parseBreachRef(caseId, source.ref) : undefined;
    if (breach) await recordBreachCase(tx, breach);
    if (source?.kind !== 'public_report' || !source.ref || !UUID.test(source.ref)) return;
    const reportId = source.ref;
    await tx.query('INSERT INTO report_cases (case_id, report_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [caseId, reportId]);
    await this.apply(reportId, { type: 'LinkCase', data: { caseId }, metadata: { now: event.occurredAt } }, event, tx);
  }

  @HandlesEvent('rectification', 'CaseResolved')
  onCaseResolved(event: IntegrationEnvelope<CaseFact>, tx: PoolClient): Promise<void> {
    return this.applyToReportsOf(event, tx, (caseId, now) => ({ type: 'RecordCaseResolved', data: { caseId }, metadata: { now } }));
  }

  @HandlesEvent('rectification', 'CaseClosed')
  onCaseClosed(event: IntegrationEnvelope<CaseFact>, tx: PoolClient): Promise<void> {
    return this.applyToReportsOf(event, tx, (caseId, now) => ({ type: 'RecordCaseClosed', data: { caseId }, metadata: { now } }));
  }

  @HandlesEvent('rectification', 'CaseReopened')
  onCaseReopened(event: IntegrationEnvelope<CaseFact>, tx: PoolClient): Promise<void> {
    return this.applyToReportsOf(event, tx, (caseId, now) => ({ type: 'RecordCaseReopened', data: { caseId }, metadata: { now } }));
  }

  @HandlesEvent('rectification', 'CaseDismissed')
  onCaseDismissed(event: IntegrationEnvelope<CaseFact>, tx: PoolClient): Promise<void> {
    return this.applyToReportsOf(event, tx, (caseId, now) => ({ type: 'RecordCaseDismissed', data: { caseId }, metadata: { now } }));
  }

  @HandlesEvent('rectification', 'CaseMerged')
  async onCaseMerged(event: IntegrationEnvelope<CaseFact>, tx: PoolClient): Promise<void> {
    const intoCaseId = uuidOf(event, 'intoCaseId');
    const caseId = uuidOf(event, 'caseId');
    for (const reportId of await reportsOf(tx, caseId)) {
      await tx.query('INSERT INTO report_cases (case_id, report_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [intoCaseId, reportId]);
    }
    await this.applyToReportsOf(event, tx, (id, now) => ({ type: 'RecordCaseMerged', data: { caseId: id, intoCaseId }, metadata: { now } }));
  }

  private async applyToReportsOf(event: IntegrationEnvelope<CaseFact>, tx: PoolClient, command: (caseId: string, now: string) => ReportCommand): Promise<void> {
    const caseId = uuidOf(event, 'caseId');
    for (const reportId of await reportsOf(tx, caseId)) await this.apply(reportId, command(caseId, event.occurredAt), event, tx);
  }

  private async apply(reportId: string, command: ReportCommand, event: IntegrationEnvelope, tx: PoolClient): Promise<void> {
    await this.reports.execute(reportId, [command], { actor: SYSTEM_ACTOR, correlationId: event.correlationId, causationId: event.eventId, db: tx });
  }
}

/** Only the ids are read from these events, so their other fields may change freely. */
type CaseFact = Record<string, unknown>;

function uuidOf(event: IntegrationEnvelope<CaseFact>, field: string): string {
  const value = event.data[field];
  // Thrown errors that are not transient send the message to the dead-letter topic.
  if (typeof value !== 'string' || !UUID.test(value)) throw new Error(`${event.type} without a valid ${field}`);
  return value;
}

async function reportsOf(tx: PoolClient, caseId: string): Promise<string[]> {
  const { rows } = await tx.query<{ report_id: string }>('SELECT report_id FROM report_cases WHERE case_id = $1 ORDER BY report_id', [caseId]);
  return rows.map((r) => r.report_id);
}
