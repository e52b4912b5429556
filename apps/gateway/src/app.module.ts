import { Module } from '@nestjs/common';
import { AuthModule } from '@rectify/auth';
import { EnvModule } from '@rectify/config';
import { DatabaseModule, PgHealthIndicator } from '@rectify/database';
import { HealthModule } from '@rectify/http';
import { LoginModule } from './auth/login.module';
import { DirectoryModule } from './directory/directory.module';
import { GatewayEnv } from './gateway.env';
import { HomeModule } from './home/home.module';
import { GATEWAY_MIGRATIONS } from './migrations';
import { ProxyModule } from './proxy/proxy.module';
import { TaxonomyModule } from './taxonomy/taxonomy.module';

@Module({
  imports: [
    EnvModule.forRoot(GatewayEnv),
    DatabaseModule.forService({ service: 'gateway', migrations: GATEWAY_MIGRATIONS }),
    AuthModule,
    HealthModule.register({
      inject: [PgHealthIndicator],
      indicators: (pg: PgHealthIndicator) => [() => pg.isHealthy('database')],
    }),
    DirectoryModule,
    LoginModule,
    TaxonomyModule,
    ProxyModule,
    HomeModule,
  ],
})
export class AppModule {}
