import type { CommandContext } from '../../../shared/command-context';
import type { TriageReportDto } from './triage-report.dto';

export class TriageReportCommand {
  constructor(
    readonly reportId: string,
    readonly input: TriageReportDto,
    readonly now: Date,
    readonly context: CommandContext & { expectedVersion?: number },
  ) {}
}
