import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Pool } from 'pg';
import { PG_POOL } from '@rectify/database';
import { withTransaction } from '@rectify/event-store';
import { ContactVault } from '../../contact-vault';
import { newReceiptCode, receiptCodeHash } from '../../receipt-code';
import { ReportRepository } from '../../report-repository';
import { SubmitReportCommand } from './submit-report.command';

/**
 * ReportReceived (ids, channel, unit, category) goes to the log; the text, the sealed contact
 * and the receipt code's hash go to the service's own tables, in the same transaction.
 */
@CommandHandler(SubmitReportCommand)
export class SubmitReportHandler implements ICommandHandler<SubmitReportCommand, { receiptCode: string }> {
  constructor(
    private readonly reports: ReportRepository,
    private readonly vault: ContactVault,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  async execute({ input, now, context }: SubmitReportCommand): Promise<{ receiptCode: string }> {
    const reportId = randomUUID();
    const receiptCode = newReceiptCode();
    const sealedContact = input.contact ? this.vault.seal(input.contact, reportId) : null;
    await withTransaction(this.pool, async (tx) => {
      await this.reports.execute(
        reportId,
        [{ type: 'ReceiveReport', data: { reportId, channel: input.channel, unitId: input.unitId, category: input.category }, metadata: { now: now.toISOString() } }],
        { ...context, expectedVersion: 0, db: tx },
      );
      await tx.query('INSERT INTO report_receipts (receipt_hash, report_id) VALUES ($1, $2)', [receiptCodeHash(receiptCode), reportId]);
      await tx.query('INSERT INTO report_details (report_id, description, contact_sealed) VALUES ($1, $2, $3)', [reportId, input.description, sealedContact]);
    });
    return { receiptCode };
  }
}
