import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseRepository } from '../../case-repository';
import { type CaseCommandResult, runOnCase } from '../case-command';
import { ExtendDeadlineCommand } from './extend-deadline.command';

@CommandHandler(ExtendDeadlineCommand)
export class ExtendDeadlineHandler implements ICommandHandler<ExtendDeadlineCommand, CaseCommandResult> {
  constructor(private readonly cases: CaseRepository) {}

  execute({ caseId, input, now, context }: ExtendDeadlineCommand): Promise<CaseCommandResult> {
    return runOnCase(this.cases, caseId, { type: 'ExtendDeadline', data: { deadline: input.deadline, reason: input.reason }, metadata: { now: now.toISOString() } }, context);
  }
}
