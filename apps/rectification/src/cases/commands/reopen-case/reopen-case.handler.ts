import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SEVERITY_DAYS } from '@rectify/contracts';
import { CaseRepository } from '../../case-repository';
import { DAY_MS } from '../../domain/case.vocabulary';
import { type CaseCommandResult, runOnCase } from '../case-command';
import { ReopenCaseCommand } from './reopen-case.command';

/** A reopened case gets a fresh time limit by its severity (30/15/7 days from the reopening). */
@CommandHandler(ReopenCaseCommand)
export class ReopenCaseHandler implements ICommandHandler<ReopenCaseCommand, CaseCommandResult> {
  constructor(private readonly cases: CaseRepository) {}

  async execute({ caseId, input, now, context }: ReopenCaseCommand): Promise<CaseCommandResult> {
    const { state } = await this.cases.load(caseId, { db: context.db });
    const days = state.status === 'none' ? SEVERITY_DAYS.general : SEVERITY_DAYS[state.severity];
    const deadline = new Date(now.getTime() + days * DAY_MS).toISOString();
    return runOnCase(this.cases, caseId, { type: 'ReopenCase', data: { reason: input.reason, deadline }, metadata: { now: now.toISOString() } }, context);
  }
}
