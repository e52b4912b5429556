import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RectificationEnv } from '../../../rectification.env';
import { CaseRepository } from '../../case-repository';
import { type CaseCommandResult, runOnCase } from '../case-command';
import { VerifyCaseCommand } from './verify-case.command';

/** The verifier is whoever issues the command (the token's user, or the re-inspector a consumer names). */
@CommandHandler(VerifyCaseCommand)
export class VerifyCaseHandler implements ICommandHandler<VerifyCaseCommand, CaseCommandResult> {
  constructor(
    private readonly cases: CaseRepository,
    private readonly env: RectificationEnv,
  ) {}

  execute({ caseId, input, now, context }: VerifyCaseCommand): Promise<CaseCommandResult> {
    const verifier = { id: context.actor.id, role: context.actor.role, unitId: context.actor.unitId ?? null };
    const data = { outcome: input.outcome, basis: input.basis, note: input.note, verifier, lookBackDays: this.env.RECTIFY_LOOK_BACK_DAYS };
    return runOnCase(this.cases, caseId, { type: 'VerifyCase', data, metadata: { now: now.toISOString() } }, context);
  }
}
