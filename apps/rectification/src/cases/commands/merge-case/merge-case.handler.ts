import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseRepository } from '../../case-repository';
import { CaseError } from '../../domain/case.errors';
import { type CaseCommandResult, runOnCase } from '../case-command';
import { MergeCaseCommand } from './merge-case.command';

/** The case joins another open case; the target must exist (404 naming it otherwise). */
@CommandHandler(MergeCaseCommand)
export class MergeCaseHandler implements ICommandHandler<MergeCaseCommand, CaseCommandResult> {
  constructor(private readonly cases: CaseRepository) {}

  async execute({ caseId, input, now, context }: MergeCaseCommand): Promise<CaseCommandResult> {
    const target = await this.cases.load(input.intoCaseId, { db: context.db });
    if (target.state.status === 'none') throw CaseError.notFound(input.intoCaseId);
    const data = { intoCaseId: input.intoCaseId, into: { status: target.state.status } };
    return runOnCase(this.cases, caseId, { type: 'MergeCase', data, metadata: { now: now.toISOString() } }, context);
  }
}
