import type { CommandContext } from '../../../shared/command-context';

export class CloseCampaignCommand {
  constructor(
    readonly campaignId: string,
    readonly now: Date,
    readonly context: CommandContext & { expectedVersion?: number },
  ) {}
}
