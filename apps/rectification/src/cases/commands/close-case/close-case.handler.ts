import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseRepository } from '../../case-repository';
import { type CaseCommandResult, runOnCase } from '../case-command';
import { CloseCaseCommand } from './close-case.command';

@CommandHandler(CloseCaseCommand)
export class CloseCaseHandler implements ICommandHandler<CloseCaseCommand, CaseCommandResult> {
  constructor(private readonly cases: CaseRepository) {}

  execute({ caseId, input, now, context }: CloseCaseCommand): Promise<CaseCommandResult> {
    return runOnCase(this.cases, caseId, { type: 'CloseCase', data: { note: input.note ?? null }, metadata: { now: now.toISOString() } }, context);
  }
}
