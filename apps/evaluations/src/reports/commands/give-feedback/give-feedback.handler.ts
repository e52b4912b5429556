import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ReportStatus } from '../../domain/report.state';
import { Receipts } from '../../receipts';
import { ReportRepository } from '../../report-repository';
import { GiveFeedbackCommand } from './give-feedback.command';

/** ReporterFeedbackGiven; rectification sends the case back to verification when `solved` is false. */
@CommandHandler(GiveFeedbackCommand)
export class GiveFeedbackHandler implements ICommandHandler<GiveFeedbackCommand, { status: ReportStatus }> {
  constructor(
    private readonly receipts: Receipts,
    private readonly reports: ReportRepository,
  ) {}

  execute({ receiptCode, input, now, context }: GiveFeedbackCommand): Promise<{ status: ReportStatus }> {
    return this.receipts.withReport(receiptCode, async (reportId) => {
      const { state } = await this.reports.execute(reportId, [{ type: 'GiveFeedback', data: input, metadata: { now: now.toISOString() } }], context);
      return { status: state.status === 'none' ? 'received' : state.status };
    });
  }
}
