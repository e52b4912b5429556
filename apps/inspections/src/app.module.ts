import { Module } from '@nestjs/common';
import { EventSourcedServiceModule } from '@rectify/service-kit';
import { FindingsModule } from './findings/findings.module';
import { InspectionsEnv } from './inspections.env';

@Module({
  imports: [EventSourcedServiceModule.forService({ service: 'inspections', env: InspectionsEnv }), FindingsModule],
})
export class AppModule {}
