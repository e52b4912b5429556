import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { KafkaAdmin } from '../kafka/kafka.ports';
import { KAFKA_ADMIN } from '../nest/messaging.tokens';

/**
 * `GET /health` entry for the broker: up when the cluster answers a metadata request in time.
 *   this.health.check([() => this.kafka.isHealthy()])
 */
@Injectable()
export class KafkaHealthIndicator {
  constructor(
    @Inject(KAFKA_ADMIN) private readonly admin: KafkaAdmin,
    private readonly health: HealthIndicatorService,
  ) {}

  isHealthy(key = 'kafka', timeoutMs = 1_500) {
    return this.health
      .check(key)
      .attempt(async () => {
        await this.admin.connect(); // no-op once connected; Kafka may have been down at boot
        const cluster = await this.admin.describeCluster();
        return { brokers: cluster.brokers.length, controller: cluster.controller };
      })
      .withTimeout(timeoutMs);
  }
}
