import { Module } from '@nestjs/common';
import { AnalyticsController } from './analytics.controller';
import { AnalyticsOverview } from './analytics-overview';
import { AnalyticsUpstreams } from './analytics-upstreams';

@Module({ controllers: [AnalyticsController], providers: [AnalyticsOverview, AnalyticsUpstreams] })
export class AnalyticsModule {}
