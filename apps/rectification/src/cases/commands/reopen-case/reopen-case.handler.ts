import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SEVERITY_DAYS } from '@rectify/contracts';
import { Directory } from '@rectify/directory';
import { CaseRepository } from '../../case-repository';
import { DAY_MS } from '../../domain/case.vocabulary';
import { type CaseCommandResult, runOnCase } from '../case-command';
import { ReopenCaseCommand } from './reopen-case.command';

/** A reopened case gets a fresh time limit: the category's configured one (30/15/7 days by default). */
@CommandHandler(ReopenCaseCommand)
export class ReopenCaseHandler implements ICommandHandler<ReopenCaseCommand, CaseCommandResult> {
  constructor(
    private readonly cases: CaseRepository,
    private readonly directory: Directory,
  ) {}

  async execute({ caseId, input, now, context }: ReopenCaseCommand): Promise<CaseCommandResult> {
    const { state } = await this.cases.load(caseId, { db: context.db });
    const days = state.status === 'none' ? SEVERITY_DAYS.general : await this.directory.timeLimitDays(state.category, state.severity, context.db);
    const deadline = new Date(now.getTime() + days * DAY_MS).toISOString();
    return runOnCase(this.cases, caseId, { type: 'ReopenCase', data: { reason: input.reason, deadline }, metadata: { now: now.toISOString() } }, context);
  }
}
