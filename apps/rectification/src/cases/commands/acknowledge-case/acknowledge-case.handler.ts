import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseRepository } from '../../case-repository';
import { type CaseCommandResult, runOnCase } from '../case-command';
import { AcknowledgeCaseCommand } from './acknowledge-case.command';

@CommandHandler(AcknowledgeCaseCommand)
export class AcknowledgeCaseHandler implements ICommandHandler<AcknowledgeCaseCommand, CaseCommandResult> {
  constructor(private readonly cases: CaseRepository) {}

  execute({ caseId, input, now, context }: AcknowledgeCaseCommand): Promise<CaseCommandResult> {
    return runOnCase(this.cases, caseId, { type: 'AcknowledgeCase', data: { by: { id: context.actor.id, role: context.actor.role, unitId: context.actor.unitId ?? null } }, metadata: { now: now.toISOString() } }, context);
  }
}
