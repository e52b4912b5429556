import { Body, Controller, Get, Header, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Public } from '@rectify/auth';
import { PublicRateLimitGuard } from '../public/public-rate-limit.guard';
import { publicContext } from '../shared/command-context';
import { GiveFeedbackCommand } from './commands/give-feedback/give-feedback.command';
import { GiveFeedbackDto } from './commands/give-feedback/give-feedback.dto';
import { SubmitReportCommand } from './commands/submit-report/submit-report.command';
import { SubmitReportDto } from './commands/submit-report/submit-report.dto';
import { Receipts } from './receipts';

/** The public side of reports: no login; the receipt code is the reporter's only key. */
@Controller('api/public/reports')
@Public()
@UseGuards(PublicRateLimitGuard)
export class PublicReportsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly receipts: Receipts,
  ) {}

  @Post()
  @HttpCode(201)
  @Header('Cache-Control', 'no-store')
  async submit(@Body() dto: SubmitReportDto) {
    const submitted: { receiptCode: string } = await this.commands.execute(new SubmitReportCommand(dto, new Date(), publicContext()));
    return submitted;
  }

  /** Status only, never the report's content; unknown codes take as long as known ones. */
  @Get(':receiptCode')
  @Header('Cache-Control', 'no-store')
  status(@Param('receiptCode') receiptCode: string) {
    return this.receipts.withReport(receiptCode, async (_reportId, state) => ({ status: state.status }));
  }

  @Post(':receiptCode/feedback')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  async feedback(@Param('receiptCode') receiptCode: string, @Body() dto: GiveFeedbackDto) {
    const given: { status: string } = await this.commands.execute(new GiveFeedbackCommand(receiptCode, dto, new Date(), publicContext()));
    return given;
  }
}
