import { Module } from '@nestjs/common';
import { EventSourcedServiceModule } from '@rectify/service-kit';
import { AnalyticsModule } from './analytics/analytics.module';
import { BallotsModule } from './ballots/ballots.module';
import { CampaignsModule } from './campaigns/campaigns.module';
import { EvaluationsEnv } from './evaluations.env';
import { EVALUATIONS_MIGRATIONS } from './migrations';
import { ReportsModule } from './reports/reports.module';

@Module({
  imports: [
    EventSourcedServiceModule.forService({
      service: 'evaluations',
      env: EvaluationsEnv,
      migrations: EVALUATIONS_MIGRATIONS,
      // Case facts and follow-up polls are bookkeeping nobody waits on to the millisecond (ADR 012).
      consumerPace: 'batched',
    }),
    CampaignsModule,
    BallotsModule,
    ReportsModule,
    AnalyticsModule,
  ],
})
export class AppModule {}
