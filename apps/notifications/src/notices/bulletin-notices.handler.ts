import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { CaseBulletinPublishedV1, type IntegrationEnvelope } from '@rectify/contracts';
import { Directory } from '@rectify/directory';
import { PgEventStore } from '@rectify/event-store';
import { HandlesEvent } from '@rectify/messaging';
import { causeOf, issueNotice } from './issue-notice';

/**
 * A typical case published as a bulletin reaches every unit of the directory (DESIGN §3.5), so
 * that all of them learn from it; one notice per unit however often the event arrives.
 */
@Injectable()
export class BulletinNoticesHandler {
  constructor(
    private readonly store: PgEventStore,
    private readonly directory: Directory,
  ) {}

  @HandlesEvent('rectification', 'CaseBulletinPublished', CaseBulletinPublishedV1)
  async onBulletin(event: IntegrationEnvelope<CaseBulletinPublishedV1>, tx: PoolClient): Promise<void> {
    const { caseId, unitId, title, summary } = event.data;
    const cause = causeOf(event);
    for (const unit of await this.directory.units(tx)) {
      await issueNotice(this.store, tx, cause, {
        type: 'bulletin',
        unitId: unit.id,
        caseId,
        title: `Bulletin on a typical case (${unitId}): ${title}. ${summary}`.slice(0, 500),
      });
    }
  }
}
