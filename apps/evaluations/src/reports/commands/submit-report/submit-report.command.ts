import type { CommandContext } from '../../../shared/command-context';
import type { SubmitReportDto } from './submit-report.dto';

export class SubmitReportCommand {
  constructor(
    readonly input: SubmitReportDto,
    readonly now: Date,
    readonly context: CommandContext,
  ) {}
}
