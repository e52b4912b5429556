import { Controller, Get, Query } from '@nestjs/common';
import { type AuthUser, CurrentUser } from '@rectify/auth';
import { AnalyticsWindowQuery, resolveWindow } from '@rectify/http';
import { SatisfactionAnalytics } from './satisfaction-analytics.query';

/** GET /api/evaluations/analytics?from&to: the satisfaction part of GET /api/analytics/overview. */
@Controller('api/evaluations/analytics')
export class EvaluationAnalyticsController {
  constructor(private readonly analytics: SatisfactionAnalytics) {}

  @Get()
  get(@Query() query: AnalyticsWindowQuery, @CurrentUser() user: AuthUser) {
    return this.analytics.run(resolveWindow(query, new Date()), user);
  }
}
