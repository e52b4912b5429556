import { Injectable, Module } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import request from 'supertest';
import { createHttpApp } from '../bootstrap-service';
import { HealthModule } from './health.module';

@Injectable()
class FakeBrokerIndicator {
  up = true;
  private readonly health = new HealthIndicatorService();

  isHealthy(key: string) {
    return this.up ? this.health.check(key).up() : this.health.check(key).down('no broker answers');
  }
}

@Module({ providers: [FakeBrokerIndicator], exports: [FakeBrokerIndicator] })
class FakeBrokerModule {}

@Module({
  imports: [
    HealthModule.register({
      imports: [FakeBrokerModule],
      inject: [FakeBrokerIndicator],
      indicators: (broker: FakeBrokerIndicator) => [() => broker.isHealthy('kafka')],
    }),
  ],
})
class TestAppModule {}

describe('HealthModule', () => {
  it('reports each check by name, and answers 503 with the failing one when one is down', async () => {
    const app = await createHttpApp(TestAppModule, { name: 'health-test', logLevel: 'fatal' });
    await app.init();
    try {
      const up = await request(app.getHttpServer()).get('/health').expect(200);
      expect(up.body.info.kafka.status).toBe('up');

      app.get(FakeBrokerIndicator).up = false;
      const down = await request(app.getHttpServer()).get('/health').expect(503);
      expect(down.body.error.kafka).toEqual({ status: 'down', message: 'no broker answers' });
    } finally {
      await app.close();
    }
  });
});
