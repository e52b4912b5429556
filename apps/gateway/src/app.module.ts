import { Module } from '@nestjs/common';
import { AuthModule } from '@rectify/auth';
import { EnvModule } from '@rectify/config';
import { DatabaseModule, PG_POOL, PgHealthIndicator } from '@rectify/database';
import { EventStoreModule } from '@rectify/event-store';
import { HealthModule } from '@rectify/http';
import { MessagingModule, parseBrokers } from '@rectify/messaging';
import { AnalyticsModule } from './analytics/analytics.module';
import { LoginModule } from './auth/login.module';
import { DirectoryModule } from './directory/directory.module';
import { GatewayEnv } from './gateway.env';
import { HomeModule } from './home/home.module';
import { GATEWAY_MIGRATIONS } from './migrations';
import { ProxyModule } from './proxy/proxy.module';

@Module({
  imports: [
    EnvModule.forRoot(GatewayEnv),
    DatabaseModule.forService({ service: 'gateway', migrations: GATEWAY_MIGRATIONS }),
    AuthModule,
    EventStoreModule.forRoot({ poolToken: PG_POOL }),
    // The relay publishes the directory feed (gateway.events); the gateway consumes nothing.
    MessagingModule.forServiceAsync({
      poolToken: PG_POOL,
      inject: [GatewayEnv],
      useFactory: (env: GatewayEnv) => ({ service: 'gateway', brokers: parseBrokers(env.KAFKA_BROKERS), topicPrefix: env.KAFKA_TOPIC_PREFIX }),
    }),
    HealthModule.register({
      inject: [PgHealthIndicator],
      indicators: (pg: PgHealthIndicator) => [() => pg.isHealthy('database')],
    }),
    DirectoryModule,
    LoginModule,
    ProxyModule,
    AnalyticsModule,
    HomeModule,
  ],
})
export class AppModule {}
