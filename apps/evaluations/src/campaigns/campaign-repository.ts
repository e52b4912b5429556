import { Injectable } from '@nestjs/common';
import { PgEventStore } from '@rectify/event-store';
import { StreamRepository } from '../shared/stream-repository';
import type { CampaignCommand } from './domain/campaign.commands';
import { decide } from './domain/campaign.decide';
import { CAMPAIGN_EVENT_SCHEMA_VERSION, type CampaignEvent } from './domain/campaign.events';
import { evolve } from './domain/campaign.evolve';
import { type CampaignState, initialCampaignState } from './domain/campaign.state';

export const campaignStreamId = (campaignId: string): string => `campaign-${campaignId}`;

@Injectable()
export class CampaignRepository extends StreamRepository<CampaignState, CampaignCommand, CampaignEvent> {
  constructor(store: PgEventStore) {
    super(store, {
      name: 'campaign',
      reducerVersion: 1,
      streamId: campaignStreamId,
      initialState: initialCampaignState,
      decide,
      evolve,
      schemaVersions: CAMPAIGN_EVENT_SCHEMA_VERSION,
    });
  }
}
