import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseRepository } from '../../case-repository';
import { type CaseCommandResult, runOnCase } from '../case-command';
import { RecordAccountabilityCommand } from './record-accountability.command';

@CommandHandler(RecordAccountabilityCommand)
export class RecordAccountabilityHandler implements ICommandHandler<RecordAccountabilityCommand, CaseCommandResult> {
  constructor(private readonly cases: CaseRepository) {}

  execute({ caseId, input, now, context }: RecordAccountabilityCommand): Promise<CaseCommandResult> {
    return runOnCase(this.cases, caseId, { type: 'RecordAccountability', data: { cadreId: input.cadreId ?? null, measure: input.measure, note: input.note }, metadata: { now: now.toISOString() } }, context);
  }
}
