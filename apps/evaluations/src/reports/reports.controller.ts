import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { type AuthUser, CurrentUser, Roles } from '@rectify/auth';
import { REQUEST_ID_HEADER } from '@rectify/http';
import { ifMatchVersion, requestContext } from '../shared/request-context';
import { TriageReportCommand } from './commands/triage-report/triage-report.command';
import { TriageReportDto } from './commands/triage-report/triage-report.dto';
import { ListReports, ListReportsQuery } from './queries/list-reports.query';
import { ReportDetail } from './queries/report-detail.query';

/** Inspectors' side of public reports: the queue, the report with its contact, triage. */
@Controller('api/evaluations/reports')
@Roles('inspector', 'admin')
export class ReportsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly listReports: ListReports,
    private readonly reportDetail: ReportDetail,
  ) {}

  /** Analysts read the queue too; the contact details stay with the detail, for inspectors only. */
  @Get()
  @Roles('inspector', 'admin', 'analyst')
  list(@Query() query: ListReportsQuery) {
    return this.listReports.run(query);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.reportDetail.run(id);
  }

  @Post(':id/triage')
  @HttpCode(200)
  triage(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: TriageReportDto,
    @CurrentUser() user: AuthUser,
    @Headers('if-match') ifMatch?: string,
    @Headers(REQUEST_ID_HEADER) requestId?: string,
  ) {
    return this.commands.execute(new TriageReportCommand(id, dto, new Date(), { ...requestContext(user, requestId), expectedVersion: ifMatchVersion(ifMatch) }));
  }
}
