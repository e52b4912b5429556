import { Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { PoolClient } from 'pg';
import { type IntegrationEnvelope, NoticeAcknowledgedV1 } from '@rectify/contracts';
import { HandlesEvent } from '@rectify/messaging';
import { CaseRepository } from '../case-repository';
import { AcknowledgeCaseCommand } from '../commands/acknowledge-case/acknowledge-case.command';
import { reactOrLog } from './case-reaction';
import { recordForeignEvent } from './foreign-events';

/** The responsible unit acknowledging the case's notice acknowledges an assigned case. */
@Injectable()
export class NoticeAcknowledgedHandler {
  private readonly logger = new Logger(NoticeAcknowledgedHandler.name);

  constructor(
    private readonly commands: CommandBus,
    private readonly cases: CaseRepository,
  ) {}

  @HandlesEvent('notifications', 'NoticeAcknowledged', NoticeAcknowledgedV1)
  async onAcknowledged(event: IntegrationEnvelope<NoticeAcknowledgedV1>, tx: PoolClient): Promise<void> {
    const ack = event.data;
    if (!ack.caseId) return;
    const { state } = await this.cases.load(ack.caseId, { db: tx });
    if (state.status === 'none') return;
    await recordForeignEvent(tx, ack.caseId, 'notifications', event);
    if (state.status !== 'assigned' || state.responsibleUnitId !== ack.unitId) return;
    const actor = { id: ack.acknowledgedBy, role: 'department', unitId: ack.unitId };
    await reactOrLog(this.logger, `notice ${ack.noticeId}`, () =>
      this.commands.execute(new AcknowledgeCaseCommand(ack.caseId!, {}, new Date(event.occurredAt), { actor, correlationId: event.correlationId, causationId: event.eventId, db: tx })),
    );
  }
}
