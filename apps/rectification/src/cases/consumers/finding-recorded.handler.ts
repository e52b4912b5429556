import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { FindingRecordedV1, type IntegrationEnvelope } from '@rectify/contracts';
import { HandlesEventBatch } from '@rectify/messaging';
import { OpenCaseCommand } from '../commands/open-case/open-case.command';
import { OpenCasesFromSources } from '../commands/open-case/open-cases-from-sources';
import { recordForeignEvents } from './foreign-events';
import { SYSTEM_ACTOR } from './system-actor';

/**
 * A finding opens a case assigned to the inspected unit (idempotent on the finding id). The
 * findings of a fetched batch are opened together: a handful of statements for all of them.
 */
@Injectable()
export class FindingRecordedHandler {
  constructor(private readonly opener: OpenCasesFromSources) {}

  @HandlesEventBatch('inspections', 'FindingRecorded', FindingRecordedV1)
  async onFindings(events: IntegrationEnvelope<FindingRecordedV1>[], tx: PoolClient): Promise<void> {
    const opened = await this.opener.openAll(events.map((event) => openingFor(event, tx)), tx);
    await recordForeignEvents(tx, events.map((envelope, i) => ({ caseId: opened[i].id, service: 'inspections', envelope })));
  }
}

function openingFor(event: IntegrationEnvelope<FindingRecordedV1>, tx: PoolClient): OpenCaseCommand {
  const finding = event.data;
  return new OpenCaseCommand(
    {
      unitId: finding.unitId,
      category: finding.category,
      title: `${finding.category}: ${finding.note.slice(0, 80)}`,
      description: finding.note,
      source: { kind: finding.source, ref: finding.findingId },
      cadreIds: finding.cadreIds,
      assignToUnit: true,
    },
    new Date(event.occurredAt),
    { actor: SYSTEM_ACTOR, correlationId: event.correlationId, causationId: event.eventId, db: tx },
  );
}
