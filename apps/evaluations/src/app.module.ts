import { Module } from '@nestjs/common';
import { EventSourcedServiceModule } from '@rectify/service-kit';
import { EvaluationsEnv } from './evaluations.env';

/** Campaigns, ballots and public reports arrive with their own issue; the service already runs. */
@Module({
  imports: [EventSourcedServiceModule.forService({ service: 'evaluations', env: EvaluationsEnv })],
})
export class AppModule {}
