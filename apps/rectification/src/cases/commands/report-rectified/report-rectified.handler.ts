import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseRepository } from '../../case-repository';
import { type CaseCommandResult, runOnCase } from '../case-command';
import { ReportRectifiedCommand } from './report-rectified.command';

@CommandHandler(ReportRectifiedCommand)
export class ReportRectifiedHandler implements ICommandHandler<ReportRectifiedCommand, CaseCommandResult> {
  constructor(private readonly cases: CaseRepository) {}

  execute({ caseId, input, now, context }: ReportRectifiedCommand): Promise<CaseCommandResult> {
    return runOnCase(this.cases, caseId, { type: 'ReportRectified', data: { summary: input.summary }, metadata: { now: now.toISOString() } }, context);
  }
}
