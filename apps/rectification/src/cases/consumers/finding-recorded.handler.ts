import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { PoolClient } from 'pg';
import { FindingRecordedV1, type IntegrationEnvelope } from '@rectify/contracts';
import { HandlesEvent } from '@rectify/messaging';
import { OpenCaseCommand } from '../commands/open-case/open-case.command';
import type { OpenedCase } from '../commands/open-case/open-case.handler';
import { recordForeignEvent } from './foreign-events';
import { SYSTEM_ACTOR } from './system-actor';


/** A finding opens a case assigned to the inspected unit (idempotent on the finding id). */
@Injectable()
export class FindingRecordedHandler {
  constructor(private readonly commands: CommandBus) {}

  @HandlesEvent('inspections', 'FindingRecorded', FindingRecordedV1)
  async onFinding(event: IntegrationEnvelope<FindingRecordedV1>, tx: PoolClient): Promise<void> {
    const finding = event.data;
    const opened: OpenedCase = await this.commands.execute(
      new OpenCaseCommand(
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
      ),
    );
    await recordForeignEvent(tx, opened.id, 'inspections', event);
  }
}
