import { Module } from '@nestjs/common';
import { CampaignRepository } from './campaign-repository';
import { CampaignsController } from './campaigns.controller';
import { CloseCampaignHandler } from './commands/close-campaign/close-campaign.handler';
import { IssueTokensHandler } from './commands/issue-tokens/issue-tokens.handler';
import { OpenCampaignHandler } from './commands/open-campaign/open-campaign.handler';
import { FollowUpPollHandler } from './follow-up/follow-up-poll.handler';
import { CampaignProjections } from './projections/campaign-projections';
import { ListCampaigns } from './queries/list-campaigns.query';
import { CampaignCloser } from './timers/campaign-closer';

@Module({
  controllers: [CampaignsController],
  providers: [CampaignRepository, OpenCampaignHandler, IssueTokensHandler, CloseCampaignHandler, CampaignProjections, ListCampaigns, CampaignCloser, FollowUpPollHandler],
  exports: [CampaignRepository],
})
export class CampaignsModule {}
