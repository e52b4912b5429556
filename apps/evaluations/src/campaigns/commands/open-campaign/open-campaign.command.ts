import type { CommandContext } from '../../../shared/command-context';
import type { OpenCampaignDto } from './open-campaign.dto';

export class OpenCampaignCommand {
  constructor(
    readonly input: OpenCampaignDto,
    readonly now: Date,
    readonly context: CommandContext,
  ) {}
}
