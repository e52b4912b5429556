import { Controller, Get, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, type HealthIndicatorFunction } from '@nestjs/terminus';
import { Public } from '@rectify/auth';
import { HEALTH_CHECKS } from './health-checks';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    @Inject(HEALTH_CHECKS) private readonly checks: HealthIndicatorFunction[],
  ) {}

  @Get()
  @HealthCheck()
  async check(@Res({ passthrough: true }) response: { statusCode: number }) {
    try {
      return await this.health.check(this.checks);
    } catch (error) {
      // Terminus reports "down" as a 503 exception; keep its body (which check failed and
      // why) instead of letting the problem filter reduce it to a generic message.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      response.statusCode = 503; // Express's response and Fastify's reply alike
      return error.getResponse();
    }
  }
}
