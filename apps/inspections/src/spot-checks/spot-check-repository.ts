import { Injectable } from '@nestjs/common';
import type { SpotCheckDrawnV1, SpotCheckSeedCommittedV1 } from '@rectify/contracts';
import { PgEventStore, type RecordedEvent } from '@rectify/event-store';

export const spotCheckStreamId = (id: string) => `spot-check-${id}`;

export interface StoredSpotCheck {
  committed?: RecordedEvent<string, SpotCheckSeedCommittedV1>;
  drawn?: RecordedEvent<string, SpotCheckDrawnV1>;
}

@Injectable()
export class SpotCheckRepository {
  constructor(readonly store: PgEventStore) {}

  async load(id: string): Promise<StoredSpotCheck> {
    const events = await this.store.readStream(spotCheckStreamId(id));
    return {
      committed: events.find((e) => e.type === 'SpotCheckSeedCommitted') as StoredSpotCheck['committed'],
      drawn: events.find((e) => e.type === 'SpotCheckDrawn') as StoredSpotCheck['drawn'],
    };
  }
}
