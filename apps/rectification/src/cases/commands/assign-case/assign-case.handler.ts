import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SEVERITY_DAYS } from '@rectify/contracts';
import { CaseRepository } from '../../case-repository';
import { DAY_MS } from '../../domain/case.vocabulary';
import { type CaseCommandResult, runOnCase } from '../case-command';
import { AssignCaseCommand } from './assign-case.command';

@CommandHandler(AssignCaseCommand)
export class AssignCaseHandler implements ICommandHandler<AssignCaseCommand, CaseCommandResult> {
  constructor(private readonly cases: CaseRepository) {}

  async execute({ caseId, input, now, context }: AssignCaseCommand): Promise<CaseCommandResult> {
    let deadline = input.deadline;
    if (!deadline) {
      const { state } = await this.cases.load(caseId, { db: context.db });
      const days = state.status === 'none' ? SEVERITY_DAYS.general : SEVERITY_DAYS[state.severity];
      deadline = new Date(now.getTime() + days * DAY_MS).toISOString();
    }
    const data = { responsibleUnitId: input.responsibleUnitId, responsiblePerson: input.responsiblePerson, deadline };
    return runOnCase(this.cases, caseId, { type: 'AssignCase', data, metadata: { now: now.toISOString() } }, context);
  }
}
