import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseRepository } from '../../case-repository';
import { type CaseCommandResult, runOnCase } from '../case-command';
import { SubmitMeasuresCommand } from './submit-measures.command';

@CommandHandler(SubmitMeasuresCommand)
export class SubmitMeasuresHandler implements ICommandHandler<SubmitMeasuresCommand, CaseCommandResult> {
  constructor(private readonly cases: CaseRepository) {}

  execute({ caseId, input, now, context }: SubmitMeasuresCommand): Promise<CaseCommandResult> {
    return runOnCase(this.cases, caseId, { type: 'SubmitMeasures', data: { measures: input.measures.map(({ description, owner, dueDate }) => ({ description, owner, dueDate })) }, metadata: { now: now.toISOString() } }, context);
  }
}
