import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '@rectify/database';
import type { Queryable } from '@rectify/event-store';
import { withMinimumDuration } from '../public/minimum-duration';
import { ReportError } from './domain/report.errors';
import type { ReportState } from './domain/report.state';
import { receiptCodeHash } from './receipt-code';
import { ReportRepository } from './report-repository';

/** Every receipt-code request answers no sooner than this, found or not. */
export const RECEIPT_LOOKUP_MIN_MS = 300;
// An id no report has: an unknown code still reads a (missing) stream, as a known one does.
const NO_REPORT = '00000000-0000-4000-8000-000000000000';

/** Finds a report by its receipt code with the same work and the same minimum time either way. */
@Injectable()
export class Receipts {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly reports: ReportRepository,
  ) {}

  /** `work` gets the report (or throws REPORT.NOT_FOUND for an unknown code) inside the padding. */
  withReport<T>(receiptCode: string, work: (reportId: string, state: Exclude<ReportState, { status: 'none' }>) => Promise<T>): Promise<T> {
    return withMinimumDuration(RECEIPT_LOOKUP_MIN_MS, async () => {
      const reportId = await this.reportIdOf(receiptCode, this.pool);
      const { state } = await this.reports.load(reportId ?? NO_REPORT);
      if (!reportId || state.status === 'none') throw ReportError.notFound();
      return work(reportId, state);
    });
  }

  async reportIdOf(receiptCode: string, db: Queryable): Promise<string | undefined> {
    const { rows } = await db.query<{ report_id: string }>('SELECT report_id FROM report_receipts WHERE receipt_hash = $1', [receiptCodeHash(receiptCode)]);
    return rows[0]?.report_id;
  }
}
