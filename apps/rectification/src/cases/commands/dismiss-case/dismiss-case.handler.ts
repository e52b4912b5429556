import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseRepository } from '../../case-repository';
import { type CaseCommandResult, runOnCase } from '../case-command';
import { DismissCaseCommand } from './dismiss-case.command';

@CommandHandler(DismissCaseCommand)
export class DismissCaseHandler implements ICommandHandler<DismissCaseCommand, CaseCommandResult> {
  constructor(private readonly cases: CaseRepository) {}

  execute({ caseId, input, now, context }: DismissCaseCommand): Promise<CaseCommandResult> {
    return runOnCase(this.cases, caseId, { type: 'DismissCase', data: { reason: input.reason }, metadata: { now: now.toISOString() } }, context);
  }
}
