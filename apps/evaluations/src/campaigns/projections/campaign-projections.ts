import { Injectable } from '@nestjs/common';
import { PgEventStore, ProjectionsHost } from '@rectify/event-store';
import { campaignListProjection } from './campaign-list.projection';

/** Keeps the campaign read models caught up with the log while the service runs. */
@Injectable()
export class CampaignProjections extends ProjectionsHost {
  constructor(store: PgEventStore) {
    super(store, [campaignListProjection]);
  }
}
