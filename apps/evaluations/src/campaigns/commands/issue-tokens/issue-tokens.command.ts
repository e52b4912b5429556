import type { CommandContext } from '../../../shared/command-context';

export class IssueTokensCommand {
  constructor(
    readonly campaignId: string,
    readonly group: string,
    readonly count: number,
    readonly now: Date,
    readonly context: CommandContext,
  ) {}
}
