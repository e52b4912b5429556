import { type DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HEALTH_CHECKS, type HealthModuleOptions } from './health-checks';
import { HealthController } from './health.controller';

/**
 * `GET /health`, public. Each app says what to check:
 *
 *   HealthModule.register({
 *     inject: [PgHealthIndicator, KafkaHealthIndicator],
 *     indicators: (pg, kafka) => [() => pg.isHealthy('database'), () => kafka.isHealthy('kafka')],
 *   })
 */
@Module({})
export class HealthModule {
  static register(options: HealthModuleOptions): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot(), ...(options.imports ?? [])],
      controllers: [HealthController],
      providers: [{ provide: HEALTH_CHECKS, inject: options.inject ?? [], useFactory: options.indicators }],
    };
  }
}
