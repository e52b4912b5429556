import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SEVERITY_DAYS } from '@rectify/contracts';
import { Directory } from '@rectify/directory';
import { CaseRepository } from '../../case-repository';
import { CaseError } from '../../domain/case.errors';
import { DAY_MS } from '../../domain/case.vocabulary';
import { type CaseCommandResult, runOnCase } from '../case-command';
import { AssignCaseCommand } from './assign-case.command';

@CommandHandler(AssignCaseCommand)
export class AssignCaseHandler implements ICommandHandler<AssignCaseCommand, CaseCommandResult> {
  constructor(
    private readonly cases: CaseRepository,
    private readonly directory: Directory,
  ) {}

  async execute({ caseId, input, now, context }: AssignCaseCommand): Promise<CaseCommandResult> {
    if (!(await this.directory.hasUnit(input.responsibleUnitId, context.db))) throw CaseError.unknownUnit('responsibleUnitId', input.responsibleUnitId);
    let deadline = input.deadline;
    if (!deadline) {
      const { state } = await this.cases.load(caseId, { db: context.db });
      const days = state.status === 'none' ? SEVERITY_DAYS.general : await this.directory.timeLimitDays(state.category, state.severity, context.db);
      deadline = new Date(now.getTime() + days * DAY_MS).toISOString();
    }
    const data = { responsibleUnitId: input.responsibleUnitId, responsiblePerson: input.responsiblePerson, deadline };
    return runOnCase(this.cases, caseId, { type: 'AssignCase', data, metadata: { now: now.toISOString() } }, context);
  }
}
