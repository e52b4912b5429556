import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '@rectify/database';
import { ContactVault } from '../contact-vault';
import { ReportError } from '../domain/report.errors';
import { ReportRepository } from '../report-repository';

/** GET /api/evaluations/reports/:id for inspectors: the report with its text and decrypted contact. */
@Injectable()
export class ReportDetail {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly reports: ReportRepository,
    private readonly vault: ContactVault,
  ) {}

  async run(reportId: string) {
    const { state, version } = await this.reports.load(reportId);
    if (state.status === 'none') throw ReportError.reportNotFound(reportId);
    const { rows } = await this.pool.query<{ description: string; contact_sealed: Buffer | null }>(
      'SELECT description, contact_sealed FROM report_details WHERE report_id = $1',
      [reportId],
    );
    return {
      id: state.id,
      status: state.status,
      channel: state.channel,
      unitId: state.unitId,
      category: state.category,
      caseId: state.caseId,
      description: rows[0]?.description ?? null,
      contact: this.vault.open(rows[0]?.contact_sealed ?? null, reportId),
      receivedAt: state.receivedAt,
      updatedAt: state.updatedAt,
      version,
    };
  }
}
