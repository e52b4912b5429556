import { Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { PoolClient } from 'pg';
import { type IntegrationEnvelope, ReinspectionCompletedV1 } from '@rectify/contracts';
import { HandlesEvent } from '@rectify/messaging';
import { CaseRepository } from '../case-repository';
import { CloseCaseCommand } from '../commands/close-case/close-case.command';
import { ReopenCaseCommand } from '../commands/reopen-case/reopen-case.command';
import { VerifyCaseCommand } from '../commands/verify-case/verify-case.command';
import { reactOrLog } from './case-reaction';
import { recordForeignEvent } from './foreign-events';

/**
 * A re-inspection result drives verification (resolved → passed, persists → failed); a
 * look-back that finds the problem again reopens the case, one that finds it gone closes it.
 */
@Injectable()
export class ReinspectionCompletedHandler {
  private readonly logger = new Logger(ReinspectionCompletedHandler.name);

  constructor(
    private readonly commands: CommandBus,
    private readonly cases: CaseRepository,
  ) {}

  @HandlesEvent('inspections', 'ReinspectionCompleted', ReinspectionCompletedV1)
  async onResult(event: IntegrationEnvelope<ReinspectionCompletedV1>, tx: PoolClient): Promise<void> {
    const result = event.data;
    const { state } = await this.cases.load(result.caseId, { db: tx });
    if (state.status === 'none') {
      this.logger.warn(`re-inspection ${result.reinspectionId} names unknown case ${result.caseId}`);
      return;
    }
    await recordForeignEvent(tx, result.caseId, 'inspections', event);
    const now = new Date(event.occurredAt);
    const inspector = { id: result.inspectorId, role: 'inspector', unitId: result.inspectorUnitId ?? null };
    const context = { actor: inspector, correlationId: event.correlationId, causationId: event.eventId, db: tx };
    await reactOrLog(this.logger, `re-inspection ${result.reinspectionId}`, () => {
      if (result.purpose === 'verification') {
        const verdict = { outcome: result.outcome === 'resolved' ? 'passed' : 'failed', basis: 're_inspection', note: result.note } as const;
        return this.commands.execute(new VerifyCaseCommand(result.caseId, verdict, now, context));
      }
      if (result.outcome === 'persists') {
        return this.commands.execute(new ReopenCaseCommand(result.caseId, { reason: `look-back found the problem again: ${result.note}`.slice(0, 4000) }, now, context));
      }
      if (state.status === 'resolved') return this.commands.execute(new CloseCaseCommand(result.caseId, { note: `look-back confirmed: ${result.note}`.slice(0, 4000) }, now, context));
      return Promise.resolve();
    });
  }
}
