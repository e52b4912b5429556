import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { PublicRateLimitGuard } from '../public/public-rate-limit.guard';
import { CastBallotHandler } from './commands/cast-ballot/cast-ballot.handler';
import { PublicBallotsController } from './public-ballots.controller';

@Module({
  imports: [CampaignsModule],
  controllers: [PublicBallotsController],
  providers: [CastBallotHandler, PublicRateLimitGuard],
})
export class BallotsModule {}
