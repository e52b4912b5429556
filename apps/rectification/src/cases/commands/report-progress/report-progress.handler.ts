import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseRepository } from '../../case-repository';
import { type CaseCommandResult, runOnCase } from '../case-command';
import { ReportProgressCommand } from './report-progress.command';

@CommandHandler(ReportProgressCommand)
export class ReportProgressHandler implements ICommandHandler<ReportProgressCommand, CaseCommandResult> {
  constructor(private readonly cases: CaseRepository) {}

  execute({ caseId, input, now, context }: ReportProgressCommand): Promise<CaseCommandResult> {
    return runOnCase(this.cases, caseId, { type: 'ReportProgress', data: { note: input.note }, metadata: { now: now.toISOString() } }, context);
  }
}
