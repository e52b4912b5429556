import type { CaseRepository, CommandContext } from '../case-repository';
import type { CaseCommand } from '../domain/case.commands';

/** What every command on an existing case answers (DESIGN §6). */
export interface CaseCommandResult {
  id: string;
  version: number;
  status: string;
}

/** A command on one case from the HTTP edge or a consumer: its input, the clock and who asks. */
export abstract class CaseCommandMessage<Input> {
  constructor(
    readonly caseId: string,
    readonly input: Input,
    readonly now: Date,
    readonly context: CommandContext,
  ) {}
}

export async function runOnCase(cases: CaseRepository, caseId: string, command: CaseCommand, context: CommandContext): Promise<CaseCommandResult> {
  const { version, state } = await cases.execute(caseId, command, context);
  return { id: caseId, version, status: state.status };
}
