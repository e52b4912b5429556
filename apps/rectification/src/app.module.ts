import { Module } from '@nestjs/common';
import { EventSourcedServiceModule } from '@rectify/service-kit';
import { CasesModule } from './cases/cases.module';
import { RECTIFICATION_MIGRATIONS } from './migrations';
import { RectificationEnv } from './rectification.env';

@Module({
  imports: [
    EventSourcedServiceModule.forService({ service: 'rectification', env: RectificationEnv, migrations: RECTIFICATION_MIGRATIONS }),
    CasesModule,
  ],
})
export class AppModule {}
