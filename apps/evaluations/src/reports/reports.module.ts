import { Module } from '@nestjs/common';
import { PublicRateLimitGuard } from '../public/public-rate-limit.guard';
import { GiveFeedbackHandler } from './commands/give-feedback/give-feedback.handler';
import { SubmitReportHandler } from './commands/submit-report/submit-report.handler';
import { TriageReportHandler } from './commands/triage-report/triage-report.handler';
import { CaseEventsHandler } from './consumers/case-events.handler';
import { ContactVault } from './contact-vault';
import { ReportProjections } from './projections/report-projections';
import { PublicReportsController } from './public-reports.controller';
import { ListReports } from './queries/list-reports.query';
import { ReportDetail } from './queries/report-detail.query';
import { Receipts } from './receipts';
import { ReportRepository } from './report-repository';
import { ReportsController } from './reports.controller';

@Module({
  controllers: [PublicReportsController, ReportsController],
  providers: [
    ReportRepository,
    ContactVault,
    Receipts,
    SubmitReportHandler,
    TriageReportHandler,
    GiveFeedbackHandler,
    CaseEventsHandler,
    ReportProjections,
    ListReports,
    ReportDetail,
    PublicRateLimitGuard,
  ],
})
export class ReportsModule {}
