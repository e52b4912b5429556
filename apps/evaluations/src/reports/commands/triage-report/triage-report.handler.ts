import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Pool } from 'pg';
import { PG_POOL } from '@rectify/database';
import { withTransaction } from '@rectify/event-store';
import { ReportError } from '../../domain/report.errors';
import type { ReportStatus } from '../../domain/report.state';
import { ReportRepository } from '../../report-repository';
import { TriageReportCommand } from './triage-report.command';

/** ReportTriaged; a merge also links the report to the case it joins (report_cases). */
@CommandHandler(TriageReportCommand)
export class TriageReportHandler implements ICommandHandler<TriageReportCommand, { id: string; version: number; status: ReportStatus }> {
  constructor(
    private readonly reports: ReportRepository,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  async execute({ reportId, input, now, context }: TriageReportCommand) {
    return withTransaction(this.pool, async (tx) => {
      const { state: before } = await this.reports.load(reportId, tx);
      if (before.status === 'none') throw ReportError.reportNotFound(reportId);
      const { version, state } = await this.reports.execute(reportId, [{ type: 'TriageReport', data: input, metadata: { now: now.toISOString() } }], { ...context, db: tx });
      if (state.status === 'none') throw ReportError.reportNotFound(reportId);
      if (state.caseId) {
        await tx.query('INSERT INTO report_cases (case_id, report_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [state.caseId, reportId]);
      }
      return { id: reportId, version, status: state.status };
    });
  }
}
