import { Module } from '@nestjs/common';
import { EventSourcedServiceModule } from '@rectify/service-kit';
import { AnalyticsModule } from './analytics/analytics.module';
import { FindingsModule } from './findings/findings.module';
import { InspectionsEnv } from './inspections.env';
import { INSPECTIONS_MIGRATIONS } from './migrations';
import { PlansModule } from './plans/plans.module';
import { InspectionsProjections } from './projections/inspections-projections';
import { ReinspectionsModule } from './reinspections/reinspections.module';
import { SpotChecksModule } from './spot-checks/spot-checks.module';

@Module({
  imports: [
    EventSourcedServiceModule.forService({
      service: 'inspections',
      env: InspectionsEnv,
      migrations: INSPECTIONS_MIGRATIONS,
      // Sealed plan details never reach Kafka: the relay publishes a redacted InspectionPlanned (ADR 005).
      eventLog: { module: require.resolve('./plans/plan-redaction'), factory: 'redactingEventLog' },
      // Its handlers keep risk counters and queue re-inspections: nobody waits on them to the
      // millisecond, while this service's own HTTP and relay are on the finding's path (ADR 012).
      consumerPace: 'batched',
    }),
    FindingsModule,
    PlansModule,
    SpotChecksModule,
    ReinspectionsModule,
    AnalyticsModule,
  ],
  providers: [InspectionsProjections],
})
export class AppModule {}
