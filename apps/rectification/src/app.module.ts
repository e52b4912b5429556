import { Module } from '@nestjs/common';
import { EventSourcedServiceModule } from '@rectify/service-kit';
import { AnalyticsModule } from './analytics/analytics.module';
import { CasesModule } from './cases/cases.module';
import { RECTIFICATION_MIGRATIONS } from './migrations';
import { RectificationEnv } from './rectification.env';

@Module({
  imports: [
    EventSourcedServiceModule.forService({ service: 'rectification', env: RectificationEnv, migrations: RECTIFICATION_MIGRATIONS }),
    AnalyticsModule, // before CasesModule: `GET /api/cases/analytics` must not be taken for `GET /api/cases/:id`
    CasesModule,
  ],
})
export class AppModule {}
