import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseRepository } from '../../case-repository';
import { type CaseCommandResult, runOnCase } from '../case-command';
import { RequestReverificationCommand } from './request-reverification.command';

@CommandHandler(RequestReverificationCommand)
export class RequestReverificationHandler implements ICommandHandler<RequestReverificationCommand, CaseCommandResult> {
  constructor(private readonly cases: CaseRepository) {}

  execute({ caseId, input, now, context }: RequestReverificationCommand): Promise<CaseCommandResult> {
    return runOnCase(this.cases, caseId, { type: 'RequestReverification', data: { basis: input.basis }, metadata: { now: now.toISOString() } }, context);
  }
}
