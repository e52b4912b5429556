import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseRepository } from '../../case-repository';
import { type CaseCommandResult, runOnCase } from '../case-command';
import { PublishBulletinCommand } from './publish-bulletin.command';

@CommandHandler(PublishBulletinCommand)
export class PublishBulletinHandler implements ICommandHandler<PublishBulletinCommand, CaseCommandResult> {
  constructor(private readonly cases: CaseRepository) {}

  execute({ caseId, input, now, context }: PublishBulletinCommand): Promise<CaseCommandResult> {
    return runOnCase(this.cases, caseId, { type: 'PublishBulletin', data: { summary: input.summary }, metadata: { now: now.toISOString() } }, context);
  }
}
